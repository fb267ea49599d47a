import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { createTempRepo, gitIn, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { FIXTURES } from '../core/helpers';

const PLAN = 'docs/plans/task_status.json';
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

interface StatusJson {
  branchesRead: number;
  tasks: { taskKey: string; status: string; onBranches: { branch: string; summary: string }[] }[];
  onlyOnBranches: { taskKey: string; branch: string; summary: string }[];
}

describe('coord status --branches: the plan as every branch sees it, with real git', function () {
  this.timeout(300_000);
  let repo: TempRepo;
  let remote: string;
  const plan = () => readFileSync(join(repo.root, PLAN), 'utf8');

  /** A branch from main with these plan edits committed, left checked out nowhere. */
  function branchWith(name: string, edits: TaskEdit[], change?: (text: string) => string): void {
    repo.git('checkout', '-q', '-b', name, 'main');
    const edited = applyEdits(plan(), edits, new Date('2025-11-01T00:00:00Z'));
    repo.write(PLAN, change ? change(edited) : edited);
    repo.commit(`${name}: plan`);
    repo.git('checkout', '-q', 'main');
  }

  const refsNow = () => repo.git('for-each-ref', '--format=%(refname) %(objectname)');

  before(() => {
    repo = createTempRepo();
    repo.write(PLAN, readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'));
    repo.commit('plan');
    remote = join(repo.parent, 'remote.git');
    gitIn(repo.parent, ['init', '-q', '--bare', remote]);
    repo.git('remote', 'add', 'origin', remote);

    branchWith('feat/x', [
      { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'completed' },
    ]);
    branchWith('feat/y', [
      { kind: 'setStatus', taskKey: 'task2_golden_tokens', status: 'in_progress' },
    ]);
    repo.git('worktree', 'add', '-q', join(repo.parent, 'wt-y'), 'feat/y');
    branchWith('feat/z', [
      { kind: 'setStatus', taskKey: 'task3_streaming_rl', status: 'in_progress' },
    ]);
    branchWith('feat/new-task', [
      {
        kind: 'addTask',
        taskKey: 'task9_branch_only',
        group: 'top5',
        fields: { name: 'Only on a branch', status: 'in_progress' },
      },
    ]);
    branchWith('broken', [], () => '{ "tasks": ');
    repo.git('checkout', '-q', '-b', 'no-plan', 'main');
    repo.git('rm', '-q', PLAN);
    repo.commit('no plan here');
    repo.git('checkout', '-q', 'main');
    branchWith('feat/w', [
      { kind: 'setStatus', taskKey: 'task5_soak_sentinel', status: 'blocked' },
    ]);
    // An old branch: behind the canonical plan, which has moved on in the working file.
    branchWith('old', []);
    repo.write(
      PLAN,
      applyEdits(
        plan(),
        [{ kind: 'setStatus', taskKey: 'task4_backoff_hints', status: 'in_progress' }],
        new Date(),
      ),
    );
    repo.git('push', '-q', 'origin', 'feat/x', 'feat/w');
    repo.git('branch', '-q', '-D', 'feat/w');
    repo.git('fetch', '-q', 'origin');
  });

  after(() => repo.dispose());

  it('shows per task where a branch is ahead, and writes nothing', async () => {
    const before = refsNow();
    const planBefore = plan();
    const run = await coord(['status', '--branches', '--json'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    const status = JSON.parse(run.stdout) as StatusJson;
    const summaries = Object.fromEntries(
      status.tasks.map((task) => [task.taskKey, task.onBranches.map((b) => b.summary)]),
    );
    assert.deepEqual(summaries, {
      task1_shadow_diff: ['completed on feat/x, not merged'],
      task2_golden_tokens: ['in progress on feat/y'],
      task3_streaming_rl: ['in progress on feat/z, a branch nobody has checked out'],
      task5_soak_sentinel: ['blocked on origin/feat/w'],
    });
    assert.deepEqual(
      status.onlyOnBranches.map((t) => [t.taskKey, t.summary]),
      [['task9_branch_only', 'only on feat/new-task (in progress)']],
    );
    // feat/x, feat/y, feat/z, feat/new-task, broken, old, origin/feat/w (origin/feat/x is feat/x's
    // plan; no-plan has none; main is the canonical file's own).
    assert.equal(status.branchesRead, 7);
    assert.equal(refsNow(), before, 'no ref moved');
    assert.equal(plan(), planBefore);
    assert.match(repo.git('status', '--porcelain'), /^ M docs\/plans\/task_status\.json\n$/);

    const text = await coord(['status', '--branches'], repo.root, undefined, ENV);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^task1_shadow_diff +not started in the plan; completed on feat\/x, not merged$/m,
    );
    assert.match(text.stdout, /^task9_branch_only +only on feat\/new-task \(in progress\)$/m);
  });

  it('fetches first with --fetch, so a branch pushed from another clone shows', async () => {
    const other = join(repo.parent, 'other');
    gitIn(repo.parent, ['clone', '-q', remote, other]);
    gitIn(other, ['config', 'user.name', 'Other']);
    gitIn(other, ['config', 'user.email', 'other@example.com']);
    gitIn(other, ['checkout', '-q', '-b', 'feat/far', 'origin/feat/x']);
    const text = readFileSync(join(other, PLAN), 'utf8');
    const edited = applyEdits(
      text,
      [{ kind: 'setStatus', taskKey: 'taskA_idempotency', status: 'completed' }],
      new Date(),
    );
    writeFileSync(join(other, PLAN), edited);
    gitIn(other, ['commit', '-q', '-am', 'far away']);
    gitIn(other, ['push', '-q', 'origin', 'feat/far']);

    const stale = await coord(['status', '--branches', '--json'], repo.root, undefined, ENV);
    assert.ok(
      !(JSON.parse(stale.stdout) as StatusJson).tasks.some(
        (t) => t.taskKey === 'taskA_idempotency',
      ),
    );
    const fresh = await coord(
      ['status', '--branches', '--json', '--fetch'],
      repo.root,
      undefined,
      ENV,
    );
    assert.equal(fresh.code, 0, fresh.stderr);
    const task = (JSON.parse(fresh.stdout) as StatusJson).tasks.find(
      (t) => t.taskKey === 'taskA_idempotency',
    );
    assert.deepEqual(
      task?.onBranches.map((b) => b.summary),
      ['completed on origin/feat/far, not merged'],
    );
  });

  it('asks for --branches with one line', async () => {
    const run = await coord(['status'], repo.root, undefined, ENV);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^coord: say what to show: --branches\n/);
  });
});
