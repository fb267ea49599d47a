import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/kernel/edits/apply';
import type { TaskEdit } from '../../../src/kernel/edits/types';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { createTempRepo, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { FIXTURES } from '../core/helpers';
import { conflictSides } from './conflictSides';

const PLAN = 'docs/plans/task_status.json';
type Doc = { tasks: Record<string, Record<string, Record<string, unknown>>> };

describe('coord merge driver through real git (merge, rebase, cherry-pick)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let clock = Date.parse('2025-10-17T00:00:00Z');

  const plan = () => readFileSync(join(repo.root, PLAN), 'utf8');
  const doc = () => JSON.parse(plan()) as Doc;
  const task = (group: string, key: string) => doc().tasks[group][key];

  /** Edits the plan as the store writes it (minimal edits, summary and last_updated kept in step) and commits. */
  function commitEdits(message: string, edits: TaskEdit[]): void {
    clock += 60_000;
    repo.write(PLAN, applyEdits(plan(), edits, new Date(clock)));
    repo.commit(message);
  }

  function commitText(message: string, change: (text: string) => string): void {
    repo.write(PLAN, change(plan()));
    repo.commit(message);
  }

  /** A git command that may fail, with its stdout and stderr (where the driver reports). */
  function tryGit(...args: string[]): { ok: boolean; output: string } {
    const run = spawnSync('git', args, {
      cwd: repo.root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        LC_ALL: 'C',
      },
    });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  }

  function assertClean(): void {
    const loaded = loadTaskFile(plan());
    assert.equal(loaded.broken, false);
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.code === 'summary-drift'),
      [],
      'the stored summary is recounted',
    );
    assert.equal(repo.git('status', '--porcelain'), '');
  }

  before(async () => {
    repo = createTempRepo();
    repo.write(PLAN, readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'));
    repo.commit('plan');
    const setup = await coord(['setup', 'merge-driver'], repo.root);
    assert.equal(setup.code, 0, setup.stderr);
    assert.match(setup.stdout, /added "\/docs\/plans\/task_status\.json merge=coord-plan"/);
    assert.match(
      repo.git('config', '--local', 'merge.coord-plan.driver'),
      / merge-driver %O %A %B %P\n$/,
    );
    const again = await coord(['setup', 'merge-driver'], repo.root);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already gives docs\/plans\/task_status\.json the merge driver/);
    assert.equal(
      readFileSync(join(repo.root, '.gitattributes'), 'utf8'),
      '/docs/plans/task_status.json merge=coord-plan\n',
    );
    repo.commit('merge driver for the plan');
  });

  after(() => repo.dispose());

  beforeEach(() => {
    repo.git('checkout', '-q', 'main');
    repo.git('reset', '-q', '--hard', 'main');
  });

  function branch(name: string, from = 'main'): void {
    repo.git('checkout', '-q', '-B', name, from);
  }

  it('merges two branches that edit different tasks, which a line merge cannot', () => {
    branch('feat/a');
    commitEdits('a: task1 in progress', [
      { kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'in_progress' },
    ]);
    branch('feat/b');
    repo.git('reset', '-q', '--hard', 'main');
    commitEdits('b: task2 in progress', [
      { kind: 'setStatus', taskKey: 'task2_golden_tokens', status: 'in_progress' },
    ]);

    // Without the driver git's line merge conflicts on the summary and last_updated both writes touched.
    branch('line-merge', 'feat/a');
    const lineMerge = tryGit('-c', 'merge.coord-plan.driver=false', 'merge', '--no-edit', 'feat/b');
    assert.equal(lineMerge.ok, false, 'the control merge conflicts');
    repo.git('merge', '--abort');

    branch('merged', 'feat/a');
    const merged = tryGit('merge', '--no-edit', 'feat/b');
    assert.ok(merged.ok, merged.output);
    assert.equal(task('top5', 'task1_shadow_diff').status, 'in_progress');
    assert.equal(task('top5', 'task2_golden_tokens').status, 'in_progress');
    assertClean();
  });

  it('merges three branches editing different tasks and different fields of one task', () => {
    branch('three/a');
    commitEdits('a', [{ kind: 'setOwner', taskKey: 'taskA_idempotency', owner: 'Claude' }]);
    branch('three/b', 'main');
    commitEdits('b', [{ kind: 'setPrNumber', taskKey: 'taskA_idempotency', prNumber: 412 }]);
    branch('three/c', 'main');
    commitEdits('c', [{ kind: 'appendBlocker', taskKey: 'cc2_dashboard', text: 'waiting_for_ci' }]);
    branch('three/all', 'three/a');
    for (const other of ['three/b', 'three/c']) {
      const result = tryGit('merge', '--no-edit', other);
      assert.ok(result.ok, result.output);
    }
    const a = task('quick_wins', 'taskA_idempotency');
    assert.deepEqual([a.owner, a.pr_number], ['Claude', 412]);
    assert.deepEqual(task('claude_code', 'cc2_dashboard').blockers, ['waiting_for_ci']);
    assertClean();
  });

  it('resolves the same field changed on both sides by its rule and reports it', () => {
    branch('same/a');
    commitEdits('a', [
      { kind: 'setStatus', taskKey: 'taskB_circuit_breaker', status: 'waiting' },
      { kind: 'appendNote', taskKey: 'taskB_circuit_breaker', text: 'from a' },
    ]);
    branch('same/b', 'main');
    commitEdits('b', [
      { kind: 'setStatus', taskKey: 'taskB_circuit_breaker', status: 'in_progress' },
      { kind: 'appendNote', taskKey: 'taskB_circuit_breaker', text: 'from b' },
    ]);
    branch('same/merge', 'same/a');
    const result = tryGit('merge', '--no-edit', 'same/b');
    assert.ok(result.ok, result.output);
    assert.match(
      result.output,
      /taskB_circuit_breaker\.status: ours waiting, theirs in_progress: kept theirs/,
    );
    const b = task('quick_wins', 'taskB_circuit_breaker');
    assert.deepEqual([b.status, b.notes], ['in_progress', ['from a', 'from b']]);
    assertClean();
  });

  it('merges a task added on both sides field by field', () => {
    const added = (extra: string) => (text: string) =>
      text.replace(
        '"hygiene": {',
        `"hygiene": {\n      "new_task": { "id": "new", "name": "New", "status": "not_started", ${extra} },`,
      );
    branch('add/a');
    commitText('a adds', added('"owner": "Codex"'));
    branch('add/b', 'main');
    commitText('b adds', added('"files": ["src/x.ts"]'));
    branch('add/merge', 'add/a');
    const result = tryGit('merge', '--no-edit', 'add/b');
    assert.ok(result.ok, result.output);
    const added_ = task('hygiene', 'new_task');
    assert.deepEqual([added_.owner, added_.files], ['Codex', ['src/x.ts']]);
    assertClean();
  });

  it('leaves a task deleted on one side and edited on the other as a conflict whose sides both parse', () => {
    branch('del/a');
    commitText('a deletes safe_autofix', (text) => {
      const d = JSON.parse(text) as Doc;
      delete d.tasks.hygiene.safe_autofix;
      return `${JSON.stringify(d, null, 2)}\n`;
    });
    branch('del/b', 'main');
    commitEdits('b edits it', [
      { kind: 'setStatus', taskKey: 'safe_autofix', status: 'in_progress' },
      { kind: 'setStatus', taskKey: 'e402_batch1', status: 'blocked' },
    ]);
    branch('del/merge', 'del/a');
    const result = tryGit('merge', '--no-edit', 'del/b');
    assert.equal(result.ok, false);
    assert.match(
      result.output,
      /conflict: tasks\.hygiene\.safe_autofix: removed on our side, changed on theirs/,
    );
    assert.match(repo.git('status', '--porcelain'), /^UU docs\/plans\/task_status\.json$/m);
    const sides = conflictSides(plan());
    assert.equal((JSON.parse(sides.ours) as Doc).tasks.hygiene.safe_autofix, undefined);
    assert.equal(
      (JSON.parse(sides.theirs) as Doc).tasks.hygiene.safe_autofix.status,
      'in_progress',
    );
    for (const side of [sides.ours, sides.theirs]) {
      assert.equal((JSON.parse(side) as Doc).tasks.hygiene.e402_batch1.status, 'blocked');
    }
    repo.git('merge', '--abort');
  });

  it('merges onto a file reformatted on one side, keeping ours layout', () => {
    branch('fmt/a');
    commitText('a reformats with tabs and edits', (text) => {
      const d = JSON.parse(text) as Doc;
      d.tasks.top5.task3_streaming_rl.status = 'in_progress';
      return `${JSON.stringify(d, null, '\t')}\n`;
    });
    branch('fmt/b', 'main');
    commitEdits('b', [{ kind: 'setStatus', taskKey: 'task4_backoff_hints', status: 'blocked' }]);
    const oursText = plan();
    branch('fmt/merge', 'fmt/b');
    const result = tryGit('merge', '--no-edit', 'fmt/a');
    assert.ok(result.ok, result.output);
    assert.equal(task('top5', 'task3_streaming_rl').status, 'in_progress');
    assert.equal(task('top5', 'task4_backoff_hints').status, 'blocked');
    assert.ok(!plan().includes('\t'), 'ours two-space layout is kept');
    assert.equal(plan().split('\n').length, oursText.split('\n').length);
    assertClean();
  });

  it('rebases and cherry-picks plan commits through the driver', () => {
    branch('rb/base');
    commitEdits('main moves on', [
      { kind: 'setStatus', taskKey: 'cc1_guardrails', status: 'completed' },
    ]);
    branch('rb/topic', 'main');
    commitEdits('topic 1', [
      { kind: 'setStatus', taskKey: 'cc3_circuit_review', status: 'in_progress' },
    ]);
    commitEdits('topic 2', [
      { kind: 'setProgress', taskKey: 'task5_soak_sentinel', completedSteps: 1 },
    ]);
    const rebase = tryGit('rebase', 'rb/base');
    assert.ok(rebase.ok, rebase.output);
    assert.equal(task('claude_code', 'cc1_guardrails').status, 'completed');
    assert.equal(task('claude_code', 'cc3_circuit_review').status, 'in_progress');
    assert.equal(
      (task('top5', 'task5_soak_sentinel').progress as Record<string, number>).completed_steps,
      1,
    );
    assertClean();

    branch('cp/target', 'rb/base');
    commitEdits('target', [{ kind: 'setOwner', taskKey: 'taskC_log_redaction', owner: 'Copilot' }]);
    const pick = tryGit('cherry-pick', 'rb/topic');
    assert.ok(pick.ok, pick.output);
    assert.equal(task('quick_wins', 'taskC_log_redaction').owner, 'Copilot');
    assert.equal(
      (task('top5', 'task5_soak_sentinel').progress as Record<string, number>).completed_steps,
      1,
    );
    assertClean();
  });
});
