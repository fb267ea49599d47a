import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { FIXTURES } from '../core/helpers';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { coord } from './runCoord';
import { createTempRepo, type TempRepo } from '../taskfile/gitRepo';

interface JsonTask {
  key: string;
  id: string;
  name: string;
  status: string;
  ready: boolean;
  taskDependencies: string[];
  externalDependencies: string[];
}

describe('coord CLI (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let taskFile: string;
  let worktree: string;

  before(() => {
    repo = createTempRepo();
    taskFile = repo.write(
      'docs/plans/task_status.json',
      readFileSync(join(FIXTURES, 'lukhas', 'task_status.json'), 'utf8'),
    );
    repo.git(['add', '--', 'docs/plans/task_status.json']);
    repo.git(['commit', '-q', '-m', 'plan']);
    worktree = join(repo.base, 'main-codex-task1');
    repo.git(['worktree', 'add', '-q', '-b', 'feat/codex/shadow-diff-harness', '--', worktree]);
  });

  after(() => repo.remove());

  it('list --json gives every task with normalised status, readiness and dependencies', async () => {
    const result = await coord(['list', '--json'], repo.main);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as { file: string; tasks: JsonTask[] };
    const expected = loadTaskFile(readFileSync(taskFile, 'utf8'));
    assert.equal(out.file, taskFile);
    assert.deepEqual(
      out.tasks.map((t) => t.key),
      expected.model!.tasks.map((t) => t.key),
    );
    const cc5 = out.tasks.find((t) => t.key === 'cc5_openapi_validation')!;
    assert.deepEqual([cc5.id, cc5.status, cc5.ready], ['cc5', 'waiting', false]);
    assert.deepEqual(cc5.taskDependencies, [
      'task1_shadow_diff',
      'task3_streaming_rl',
      'task4_backoff_hints',
    ]);
    const task5 = out.tasks.find((t) => t.key === 'task5_soak_sentinel')!;
    assert.deepEqual([task5.ready, task5.externalDependencies], [true, ['prometheus_running']]);
  });

  it('list prints a table by group that fits in 100 columns', async () => {
    const result = await coord(['list'], repo.main);
    assert.equal(result.code, 0, result.stderr);
    for (const group of ['top5', 'quick_wins', 'hygiene', 'claude_code']) {
      assert.match(result.stdout, new RegExp(`^${group} \\(\\d+\\)$`, 'm'));
    }
    assert.match(result.stdout, /cc3_circuit_review .*waiting .*blocked by taskB/);
    for (const line of result.stdout.split('\n')) {
      assert.ok([...line].length <= 100, line);
    }
  });

  it('from inside a linked worktree, set changes the main worktree’s file', async () => {
    const set = await coord(
      [
        'set',
        'task1',
        '--status',
        'In Progress',
        '--progress',
        '2/5',
        '--pr',
        '501',
        '--note',
        'started in worktree',
      ],
      join(worktree),
    );
    assert.equal(set.code, 0, set.stderr);
    const model = loadTaskFile(readFileSync(taskFile, 'utf8')).model!;
    const task = model.byKey.get('task1_shadow_diff')!;
    assert.deepEqual(
      [task.status, task.progress!.completedSteps, task.prNumber, task.notes],
      ['in_progress', 2, 501, ['started in worktree']],
    );
    assert.equal(
      loadTaskFile(
        readFileSync(join(worktree, 'docs', 'plans', 'task_status.json'), 'utf8'),
      ).model!.byKey.get('task1_shadow_diff')!.status,
      'not_started',
    );
    const show = await coord(['show', 'task1_shadow_diff', '--json'], worktree);
    assert.equal((JSON.parse(show.stdout) as JsonTask).status, 'in_progress');
  });

  it('next lists ready tasks, most urgent first', async () => {
    const result = await coord(['next', '--json'], repo.main);
    assert.equal(result.code, 0, result.stderr);
    const tasks = (JSON.parse(result.stdout) as { tasks: (JsonTask & { priority: string })[] })
      .tasks;
    assert.ok(tasks.length > 0 && tasks.every((t) => t.ready));
    const ranks = tasks.map((t) => ['critical', 'high', 'medium', 'low'].indexOf(t.priority));
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
  });

  it('validate prints file:line:col and exits 1 on errors, 0 on warnings only', async () => {
    const ok = await coord(['validate'], repo.main);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /^docs\/plans\/task_status\.json: 0 errors/m);
    repo.write(
      'plans/seeds.json',
      readFileSync(join(FIXTURES, 'variants', 'seeds-style.json'), 'utf8'),
    );
    const warnings = await coord(['validate', '--file', 'plans/seeds.json'], repo.main);
    assert.equal(warnings.code, 0, warnings.stderr);
    assert.match(warnings.stdout, /^plans\/seeds\.json:\d+:\d+: warning: .*\[summary-drift\]$/m);
    const problems = join(repo.base, 'problems.json');
    copyFileSync(join(FIXTURES, 'variants', 'problems.json'), problems);
    const bad = await coord(['validate', '--file', problems], repo.main);
    assert.equal(bad.code, 1);
    assert.match(
      bad.stdout,
      /problems\.json:\d+:\d+: error: dependency cycle: beta → gamma → beta/,
    );
  });

  it('exits 1 for an unknown task or a missing file, 2 for bad usage, and changes nothing', async () => {
    const before = readFileSync(taskFile, 'utf8');
    assert.equal((await coord(['show', 'nope'], repo.main)).code, 1);
    assert.equal((await coord(['set', 'nope', '--status', 'done'], repo.main)).code, 1);
    assert.equal((await coord(['list', '--file', 'missing.json'], repo.main)).code, 1);
    assert.equal((await coord(['set', 'task1', '--status', 'sideways'], repo.main)).code, 2);
    assert.equal((await coord(['set', 'task1', '--progress', 'most'], repo.main)).code, 2);
    assert.equal((await coord(['list', '--bogus'], repo.main)).code, 2);
    assert.equal((await coord(['frobnicate'], repo.main)).code, 2);
    assert.equal(readFileSync(taskFile, 'utf8'), before);
  });

  it('worktrees remove clears the worktree_path of the task that recorded it, keeping its branch', async () => {
    const store = new TaskFileStore(taskFile);
    await store.apply({
      kind: 'setTaskField',
      taskKey: 'task1_shadow_diff',
      field: 'worktree_path',
      value: '../main-codex-task1',
    });
    const result = await coord(['worktrees', 'remove', worktree], repo.main);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /cleared worktree_path of task1_shadow_diff/);
    assert.ok(!existsSync(worktree));
    const task = loadTaskFile(readFileSync(taskFile, 'utf8')).model!.byKey.get(
      'task1_shadow_diff',
    )!;
    assert.equal(task.worktreePath, undefined);
    assert.equal('worktree_path' in task.raw, false);
    assert.equal(task.branch, 'feat/codex/shadow-diff-harness');
  });
});
