import assert from 'node:assert/strict';
import {
  agentStateRecord,
  exitReplacesReport,
  parseAgentStateRecord,
  shownAgentState,
  type AgentStateRecord,
} from '../../../src/features/agents/model/agentState';

const NOW = new Date('2026-11-29T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const record = (state: AgentStateRecord['state'], at: string): AgentStateRecord => ({
  task: 't1',
  state,
  at,
  agent: 'Codex',
});

describe('agent state rules', () => {
  it('accepts the reported states in any usual spelling, with the time and agent', () => {
    assert.deepEqual(
      agentStateRecord(
        { task: 't1', state: 'Needs-Input', agent: 'Codex', message: ' Which port? ' },
        NOW,
      ),
      {
        task: 't1',
        state: 'needs_input',
        at: NOW.toISOString(),
        agent: 'Codex',
        message: 'Which port?',
      },
    );
    assert.deepEqual(
      agentStateRecord({ task: 't1', state: 'failed', agent: 'x', exitCode: 2 }, NOW),
      {
        task: 't1',
        state: 'failed',
        at: NOW.toISOString(),
        agent: 'x',
        exitCode: 2,
      },
    );
  });

  it('refuses unknown states, a failure without its exit code and keys that are not file names', () => {
    assert.deepEqual(agentStateRecord({ task: 't1', state: 'sleeping', agent: 'x' }, NOW), {
      problem:
        'unknown agent state "sleeping"; accepted: working, needs_input, idle, finished, failed',
    });
    assert.deepEqual(agentStateRecord({ task: 't1', state: 'failed', agent: 'x' }, NOW), {
      problem: 'a failed agent needs its exit code',
    });
    for (const task of ['../escape', 'a/b', '', '.hidden']) {
      assert.ok('problem' in agentStateRecord({ task, state: 'idle', agent: 'x' }, NOW), task);
    }
  });

  it('shows a working agent silent past the limit as stale, and nothing else', () => {
    assert.equal(shownAgentState(record('working', minutesAgo(9)), NOW), 'working');
    assert.equal(shownAgentState(record('working', minutesAgo(10)), NOW), 'stale');
    assert.equal(shownAgentState(record('working', minutesAgo(2)), NOW, 60_000), 'stale');
    for (const state of ['needs_input', 'idle', 'finished', 'failed'] as const) {
      assert.equal(shownAgentState(record(state, minutesAgo(600)), NOW), state);
    }
  });

  it("keeps an agent's own finished report when its command then exits with 0", () => {
    const finished = record('finished', NOW.toISOString());
    assert.equal(exitReplacesReport(finished, 0), false);
    assert.equal(exitReplacesReport(finished, 2), true, 'a failing exit is recorded');
    for (const state of ['working', 'needs_input', 'idle', 'failed'] as const) {
      assert.equal(exitReplacesReport(record(state, NOW.toISOString()), 0), true, state);
    }
    assert.equal(exitReplacesReport(undefined, 0), true);
  });

  it('reads back what it wrote and ignores broken or foreign files', () => {
    const written = record('idle', NOW.toISOString());
    assert.deepEqual(parseAgentStateRecord(JSON.stringify(written)), written);
    for (const text of [
      '',
      '{',
      'null',
      '{"task":"t","state":"asleep","at":"2026-01-01T00:00:00Z","agent":"a"}',
      '{"task":"t","state":"idle","at":"yesterday","agent":"a"}',
    ]) {
      assert.equal(parseAgentStateRecord(text), undefined, text);
    }
  });
});
