import assert from 'node:assert/strict';
import type { AgentStateRecord } from '../../../src/features/agents/model/agentState';
import { staleAfterMs } from '../../../src/features/agents/model/agentState';
import {
  describeAgentStatus,
  taskAgentStatus,
  taskAgentStatuses,
} from '../../../src/features/agents/model/taskAgentState';

const MINUTE = 60_000;
const now = new Date('2026-11-29T12:00:00.000Z');
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE).toISOString();
const record = (state: AgentStateRecord['state'], minutesAgo: number, extra = {}) =>
  ({ task: 't', state, at: at(minutesAgo), agent: 'Codex', ...extra }) as AgentStateRecord;

describe('agent status of a task', () => {
  it('turns a working agent stale exactly when it has been silent for the set time', () => {
    const inProgress = { status: 'in_progress' as const };
    assert.equal(
      taskAgentStatus(inProgress, record('working', 9), now, 10 * MINUTE).state,
      'working',
    );
    assert.equal(
      taskAgentStatus(inProgress, record('working', 10), now, 10 * MINUTE).state,
      'stale',
    );
    assert.equal(taskAgentStatus(inProgress, record('working', 3), now, 2 * MINUTE).state, 'stale');
  });

  it('never ages an agent that waits for a person (needs input, idle, finished, failed)', () => {
    for (const state of ['needs_input', 'idle', 'finished'] as const) {
      assert.equal(
        taskAgentStatus({ status: 'in_progress' }, record(state, 600), now, MINUTE).state,
        state,
      );
    }
    const failed = record('failed', 600, { exitCode: 2 });
    assert.equal(taskAgentStatus({ status: 'in_progress' }, failed, now, MINUTE).state, 'failed');
  });

  it('prefers a report over the plan; without one, a task under way is not detectable, else not started', () => {
    const idle = record('idle', 1);
    assert.deepEqual(taskAgentStatus({ status: 'not_started' }, idle, now, MINUTE), {
      state: 'idle',
      record: idle,
    });
    assert.equal(
      taskAgentStatus({ status: 'in_progress' }, undefined, now, MINUTE).state,
      'not_detectable',
    );
    assert.equal(
      taskAgentStatus({ status: 'waiting', worktreePath: '../wt/t' }, undefined, now, MINUTE).state,
      'not_detectable',
    );
    assert.equal(
      taskAgentStatus({ status: 'not_started' }, undefined, now, MINUTE).state,
      'not_started',
    );
    assert.equal(
      taskAgentStatus({ status: 'completed', worktreePath: '../wt/t' }, undefined, now, MINUTE)
        .state,
      'not_started',
    );
  });

  it('maps every task of a plan to its own report only', () => {
    const statuses = taskAgentStatuses(
      [
        { key: 'a', status: 'in_progress' },
        { key: 'b', status: 'not_started' },
      ],
      [{ ...record('needs_input', 1), task: 'a', message: 'Allow  rm -rf\nbuild?' }],
      now,
      MINUTE,
    );
    assert.equal(describeAgentStatus(statuses.get('a')!), 'needs input: Allow rm -rf build?');
    assert.equal(describeAgentStatus(statuses.get('b')!), 'no agent');
    assert.equal(
      describeAgentStatus({ state: 'failed', record: record('failed', 1, { exitCode: 137 }) }),
      'agent failed (exit 137)',
    );
  });

  it('reads the stale setting in minutes, falling back to ten minutes', () => {
    assert.equal(staleAfterMs(3), 3 * MINUTE);
    assert.equal(staleAfterMs(0), 10 * MINUTE);
    assert.equal(staleAfterMs('5'), 10 * MINUTE);
    assert.equal(staleAfterMs(undefined), 10 * MINUTE);
  });
});
