import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
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

describe("coord plan adopt: a task branch's plan edits moved onto the canonical plan", function () {
  this.timeout(300_000);
  let repo: TempRepo;
  const read = (root: string) => readFileSync(join(root, PLAN), 'utf8');
  const edit = (root: string, edits: TaskEdit[]) =>
    writeFileSync(join(root, PLAN), applyEdits(read(root), edits, new Date()));
  const task = (root: string, key: string) => loadTaskFile(read(root)).model!.byKey.get(key)!;

  /** A worktree on a new branch with plan edits and a code change committed. */
  function taskBranch(name: string, edits: TaskEdit[]): string {
    const path = join(repo.parent, name.replace('/', '-'));
    repo.git('worktree', 'add', '-q', '-b', name, path);
    edit(path, edits);
    writeFileSync(join(path, `${name.replace('/', '-')}.txt`), 'code\n');
    gitIn(path, ['add', '-A']);
    gitIn(path, ['commit', '-q', '-m', `${name}: work and plan`]);
    return path;
  }

  beforeEach(() => {
    repo = createTempRepo();
    repo.write(PLAN, readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'));
    repo.commit('plan');
  });

  afterEach(() => repo.dispose());

  it('merges the edits into the plan, drops them from the branch and its worktree, keeps local edits', async () => {
    const worktree = taskBranch('feat/a', [
      { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' },
      { kind: 'appendNote', taskKey: 'task1_shadow_diff', text: 'from the branch' },
    ]);
    const forkPlan = read(repo.root);
    edit(repo.root, [{ kind: 'setStatus', taskKey: 'task2_golden_tokens', status: 'blocked' }]);
    const tip = gitIn(worktree, ['rev-parse', 'HEAD']).trim();

    const run = await coord(['plan', 'adopt', 'feat/a'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^moved feat\/a's plan edits into docs\/plans\/task_status\.json and dropped them from feat\/a \([0-9a-f]{12}\), its worktree .* included\n/,
    );
    assert.match(
      run.stdout,
      /^ {2}task1_shadow_diff: status not_started → in_progress, 1 note added$/m,
    );

    assert.equal(task(repo.root, 'task1_shadow_diff').status, 'in_progress');
    assert.ok(task(repo.root, 'task1_shadow_diff').notes.includes('from the branch'));
    assert.equal(task(repo.root, 'task2_golden_tokens').status, 'blocked', 'the local edit stays');

    assert.equal(gitIn(worktree, ['rev-parse', 'HEAD~1']).trim(), tip, 'one commit on top');
    assert.equal(
      gitIn(repo.root, ['diff', '--name-only', 'main...feat/a']),
      'feat-a.txt\n',
      'the branch no longer changes the plan',
    );
    assert.equal(gitIn(worktree, ['status', '--porcelain']), '', 'its worktree is clean');
    assert.equal(read(worktree), forkPlan);

    const again = await coord(['plan', 'adopt', 'feat/a'], repo.root, undefined, ENV);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'feat/a carries no plan edits\n');
  });

  it('refuses, changing nothing, when the worktree has plan changes of its own', async () => {
    const worktree = taskBranch('feat/b', [
      { kind: 'setStatus', taskKey: 'task3_streaming_rl', status: 'in_progress' },
    ]);
    edit(worktree, [{ kind: 'appendNote', taskKey: 'task3_streaming_rl', text: 'uncommitted' }]);
    const tip = gitIn(worktree, ['rev-parse', 'HEAD']).trim();
    const before = read(repo.root);
    const run = await coord(['plan', 'adopt', 'feat/b'], repo.root, undefined, ENV);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^coord: docs\/plans\/task_status\.json has uncommitted changes in .*feat-b, where feat\/b is checked out; commit or drop them first\n$/,
    );
    assert.equal(read(repo.root), before);
    assert.equal(gitIn(worktree, ['rev-parse', 'HEAD']).trim(), tip);
  });

  it('works on a branch checked out nowhere, and says one line for a branch that does not exist', async () => {
    const worktree = taskBranch('feat/c', [
      { kind: 'setProgress', taskKey: 'task4_backoff_hints', completedSteps: 1, totalSteps: 3 },
    ]);
    repo.git('worktree', 'remove', worktree);
    const run = await coord(['plan', 'adopt', 'feat/c'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(task(repo.root, 'task4_backoff_hints').progress?.completedSteps, 1);
    assert.equal(gitIn(repo.root, ['diff', '--name-only', 'main...feat/c']), 'feat-c.txt\n');

    const missing = await coord(['plan', 'adopt', 'nope'], repo.root, undefined, ENV);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'coord: no local or remote-tracking branch nope\n');
    const usage = await coord(['plan', 'adopt'], repo.root, undefined, ENV);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /name the branch whose plan edits to adopt/);
  });

  it('coord status --branches names each branch carrying plan edits with the command that moves them', async () => {
    const worktree = taskBranch('feat/d', [
      { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' },
    ]);
    // A remote-tracking branch with plan edits and no local branch, as a fetch leaves it.
    taskBranch('feat/r', [{ kind: 'appendNote', taskKey: 'task2_golden_tokens', text: 'remote' }]);
    const remoteTip = repo.git('rev-parse', 'feat/r').trim();
    repo.git('update-ref', 'refs/remotes/origin/feat/r', remoteTip);
    repo.git('worktree', 'remove', join(repo.parent, 'feat-r'));
    repo.git('branch', '-q', '-D', 'feat/r');
    // A branch without plan edits says nothing.
    repo.git('branch', 'feat/quiet');

    const run = await coord(['status', '--branches'], repo.root, undefined, ENV);
    assert.equal(run.code, 0, run.stderr);
    const hints = run.stdout.split('\n').filter((line) => line.startsWith('hint: '));
    assert.deepEqual(hints, [
      'hint: feat/d carries plan edits (task1_shadow_diff); move them onto the plan before its pull request merges: coord plan adopt feat/d',
      'hint: origin/feat/r carries plan edits (task2_golden_tokens); move them onto the plan before its pull request merges: coord plan adopt origin/feat/r',
    ]);
    const json = JSON.parse(
      (await coord(['status', '--branches', '--json'], repo.root, undefined, ENV)).stdout,
    ) as { withPlanEdits: { branch: string; adopt: string }[] };
    assert.deepEqual(
      json.withPlanEdits.map((found) => found.adopt),
      ['coord plan adopt feat/d', 'coord plan adopt origin/feat/r'],
    );

    // The hinted command for the remote-tracking branch makes its local branch, without the edits.
    const adopted = await coord(['plan', 'adopt', 'origin/feat/r'], repo.root, undefined, ENV);
    assert.equal(adopted.code, 0, adopted.stderr);
    assert.match(
      adopted.stdout,
      /created the local branch feat\/r from origin\/feat\/r; push it to update its pull request\n$/,
    );
    assert.ok(task(repo.root, 'task2_golden_tokens').notes.includes('remote'));
    assert.equal(repo.git('rev-parse', 'feat/r~1').trim(), remoteTip);
    assert.equal(repo.git('diff', '--name-only', 'main...feat/r'), 'feat-r.txt\n');
    assert.equal(gitIn(worktree, ['rev-parse', '--abbrev-ref', 'HEAD']).trim(), 'feat/d');

    const after = await coord(['status', '--branches'], repo.root, undefined, ENV);
    assert.deepEqual(
      after.stdout
        .split('\n')
        .filter((line) => line.startsWith('hint: '))
        .map((l) => l.split(';')[0]),
      ['hint: feat/d carries plan edits (task1_shadow_diff)'],
    );
  });
});
