import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from './runCoord';

const PLAN = {
  schema_version: '1.0',
  last_updated: '2026-11-01T00:00:00Z',
  tasks: {
    core: {
      a_base: {
        id: 'a',
        name: 'Base',
        owner: 'Codex',
        status: 'in_progress',
        progress: { total_steps: 6, completed_steps: 0 },
      },
      b_next: {
        id: 'b',
        name: 'Next',
        owner: 'Codex',
        status: 'not_started',
        dependencies: ['a_base'],
      },
      c_checked: { id: 'c', name: 'Checked', owner: 'Codex', status: 'in_progress' },
    },
  },
  pre_audit_guardrails: {
    never_passes: { status: 'pending', required: true, command: 'echo broken; exit 3' },
  },
};

interface RawTask {
  status: string;
  overrides?: { gate: string; reasons: string[]; by: string; host: string; at: string }[];
}

describe('gates in the CLI (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const planPath = () => join(repo.root, 'docs/plans/task_status.json');
  const raw = (key: string) =>
    (JSON.parse(readFileSync(planPath(), 'utf8')) as { tasks: { core: Record<string, RawTask> } })
      .tasks.core[key];

  beforeEach(() => {
    repo = createTempRepo({ name: 'Gated' });
    repo.write('docs/plans/task_status.json', `${JSON.stringify(PLAN, null, 2)}\n`);
    repo.commit('plan');
  });
  afterEach(() => repo.dispose());

  it('refuses to complete a task with undone steps or an unfinished dependency, in one line, and changes nothing', async () => {
    const before = readFileSync(planPath(), 'utf8');
    const progress = await coord(['set', 'a_base', '--status', 'completed'], repo.root);
    assert.equal(progress.code, 1);
    assert.equal(
      progress.stderr,
      'coord: Cannot complete a_base ("Base"): progress is 0/6 steps. Use --force to go ahead anyway; it is recorded on the task.\n',
    );
    const dependency = await coord(['set', 'b', '--status', 'done'], repo.root);
    assert.equal(dependency.code, 1);
    assert.match(
      dependency.stderr,
      /^coord: Cannot complete b_next \("Next"\): waits for a_base \(in progress\)\./,
    );
    assert.equal(readFileSync(planPath(), 'utf8'), before, 'a refused gate writes nothing');
  });

  it('completes when the same command finishes the steps, and records a forced completion with who and how', async () => {
    const done = await coord(
      ['set', 'a_base', '--status', 'completed', '--progress', '6/6'],
      repo.root,
    );
    assert.equal(done.code, 0, done.stderr);
    assert.equal(raw('a_base').status, 'completed');
    assert.equal(raw('a_base').overrides, undefined, 'nothing to record when the gate passed');

    await coord(['set', 'a_base', '--status', 'in_progress'], repo.root);
    const forced = await coord(
      ['set', 'b_next', '--status', 'completed', '--force'],
      repo.root,
      undefined,
      {
        ...process.env,
        COORD_AGENT: 'Claude Code',
      },
    );
    assert.equal(forced.code, 0, forced.stderr);
    const task = raw('b_next');
    assert.equal(task.status, 'completed');
    assert.equal(task.overrides?.length, 1);
    const [override] = task.overrides!;
    assert.deepEqual(
      { gate: override.gate, reasons: override.reasons, by: override.by, host: override.host },
      {
        gate: 'completion',
        reasons: ['waits for a_base (in progress)'],
        by: 'Claude Code',
        host: 'cli',
      },
    );
    assert.ok(!Number.isNaN(Date.parse(override.at)), override.at);
  });

  it("names git's user.name as the actor when no agent is named", async () => {
    const forced = await coord(
      ['set', 'a_base', '--status', 'completed', '--force'],
      repo.root,
      undefined,
      {
        ...process.env,
        COORD_AGENT: '',
      },
    );
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(raw('a_base').overrides?.[0].by, 'Test User');
  });

  it('refuses to start a task that waits for an unfinished one, and starts it with --force, recorded', async () => {
    const refused = await coord(['start', 'b_next'], repo.root);
    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /^coord: Cannot start b_next \("Next"\): waits for a_base \(in progress\)\. Use --force/,
    );
    assert.equal(repo.git('branch', '--list').trim(), '* main', 'no branch was made');
    assert.equal(raw('b_next').status, 'not_started');

    const forced = await coord(['start', 'b_next', '--force'], repo.root);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(raw('b_next').status, 'in_progress');
    assert.equal(raw('b_next').overrides?.[0].gate, 'start');
    assert.deepEqual(raw('b_next').overrides?.[0].reasons, ['waits for a_base (in progress)']);
  });

  it("refuses to complete while a required guardrail failed in the task's worktree", async () => {
    const started = await coord(['start', 'c_checked', '--json'], repo.root);
    assert.equal(started.code, 0, started.stderr);
    const worktree = (JSON.parse(started.stdout) as { path: string }).path;
    const run = await coord(['guardrails', 'run', '--trusted'], worktree);
    assert.equal(run.code, 1, 'the required guardrail fails');
    const refused = await coord(['set', 'c_checked', '--status', 'completed'], repo.root);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(
      refused.stderr,
      /^coord: Cannot complete c_checked \("Checked"\): required guardrail never_passes: fail \(.*\) at /,
    );
  });
});
