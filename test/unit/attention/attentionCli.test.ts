import assert from 'node:assert/strict';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';

const PLAN = {
  schema_version: '1.0',
  tasks: {
    core: {
      ask: { id: 'ask', name: 'Ask', owner: 'Claude Code', status: 'in_progress' },
      silent: { id: 'silent', name: 'Silent', owner: 'Person', status: 'in_progress' },
      later: { id: 'later', name: 'Later', owner: 'Codex', status: 'not_started' },
    },
  },
  pre_audit_guardrails: {
    lint: { command: 'false', required: true, status: 'fail', last_run: '2026-11-29T10:00:00Z' },
  },
};

describe('coord attention, coord list and coord agents with agent state (real processes, real git)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo({ name: 'Attention' });
    repo.write('docs/plans/task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.commit('plan');
  });
  afterEach(() => repo.dispose());

  it('lists what waits for a person, most pressing first, from agent-state reports and the plan', async () => {
    const env = { ...process.env, COORD_AGENT: 'Claude Code' };
    const set = await coord(
      ['agent-state', 'ask', 'needs_input', '--message', 'Which port?'],
      repo.root,
      undefined,
      env,
    );
    assert.equal(set.code, 0, set.stderr);
    const json = await coord(['attention', '--json'], repo.root);
    assert.equal(json.code, 0, json.stderr);
    const { items, problems } = JSON.parse(json.stdout) as {
      items: { kind: string; taskKey?: string; detail?: string }[];
      problems: string[];
    };
    assert.deepEqual(problems, []);
    assert.deepEqual(
      items.map((item) => [item.kind, item.taskKey ?? null, item.detail ?? null]),
      [
        ['agentNeedsInput', 'ask', 'Which port?'],
        ['guardrailFailed', null, null],
      ],
    );
    const table = await coord(['attention'], repo.root);
    assert.match(
      table.stdout,
      /^WHAT +SINCE +DETAIL\nClaude Code on ask needs input +\S+ +Which port\?\n/,
    );
  });

  it('shows each task agent state in coord list and the undetectable ones in coord agents', async () => {
    const quiet = await coord(['list'], repo.root);
    assert.doesNotMatch(quiet.stdout, /AGENT/, 'no column until an agent reports');
    await coord(['agent-state', 'ask', 'failed', '--exit-code', '4'], repo.root);
    const list = await coord(['list', '--json'], repo.root);
    const tasks = (
      JSON.parse(list.stdout) as {
        tasks: { key: string; agent: { state: string; exitCode?: number } }[];
      }
    ).tasks;
    assert.deepEqual(
      tasks.map((task) => [task.key, task.agent.state, task.agent.exitCode ?? null]),
      [
        ['ask', 'failed', 4],
        ['silent', 'not_detectable', null],
        ['later', 'not_started', null],
      ],
    );
    const table = await coord(['list'], repo.root);
    assert.match(table.stdout, /AGENT/);
    assert.match(table.stdout, /ask .* agent failed \(exit 4\)/);
    assert.match(table.stdout, /silent .* agent state not detectable/);
    const agents = await coord(['agents', '--json'], repo.root);
    assert.deepEqual((JSON.parse(agents.stdout) as { notDetectable: string[] }).notDetectable, [
      'silent',
    ]);
  });
});
