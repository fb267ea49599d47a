import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoordinatorError } from '../../../src/kernel/errors/coordinatorError';
import { removeTaskWorktree, startTaskInWorktree } from '../../../src/features/worktrees';
import type { TaskEffects } from '../../../src/features/worktrees/taskAfterRemoval';
import { forcedOnly } from '../../../src/features/tasks/gateUi';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

const TASK = 'task1_shadow_diff';

describe('removing a task worktree: teardown, lock, task fields and status (real git, real processes)', () => {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  async function started(): Promise<{ path: string; branch: string; lock: string }> {
    mkdirSync(join(repo.root, '.dev', 'locks'), { recursive: true });
    const result = await startTaskInWorktree({
      taskKey: TASK,
      taskFilePath: repo.taskFilePath,
      store: repo.store,
    });
    assert.ok(result.lockFile && existsSync(result.lockFile), 'the start took the lock');
    return { path: result.path, branch: result.branch, lock: result.lockFile };
  }

  /** A started task whose branch has one commit, merged into the base branch. */
  async function startedAndMerged(): Promise<{ path: string; branch: string; lock: string }> {
    const first = await started();
    writeFileSync(join(first.path, 'done.txt'), 'done\n');
    repo.git('-C', first.path, 'add', 'done.txt');
    repo.git('-C', first.path, 'commit', '-q', '-m', 'the work');
    repo.git('merge', '-q', '--no-edit', first.branch);
    return first;
  }

  function effects(overrides: Partial<TaskEffects> = {}): TaskEffects {
    return {
      store: repo.store,
      actor: { name: 'Test User', host: 'cli' },
      ui: forcedOnly(false),
      statusAfterRemoval: 'not_started',
      ...overrides,
    };
  }

  async function rawTask(): Promise<Record<string, unknown>> {
    const model = (await repo.store.read()).model;
    return model!.byKey.get(TASK)!.raw as Record<string, unknown>;
  }

  it('waits for the teardown, releases the lock, clears the worktree and moves an unmerged task back', async () => {
    repo = createTaskRepo();
    const { path, branch, lock } = await started();
    const marker = join(repo.parent, 'teardown-ran');
    const output: string[] = [];
    const result = await removeTaskWorktree({
      cwd: repo.root,
      path,
      teardown: {
        // Slow on purpose: the removal must wait for it, and it runs inside the worktree.
        command: `sleep 0.3; pwd > "${marker}"; echo tearing down`,
        trusted: true,
        onOutput: (chunk) => output.push(chunk),
      },
      tasks: effects(),
    });
    assert.equal(result.teardown, 'ran');
    assert.equal(readFileSync(marker, 'utf8').trim(), path);
    assert.match(output.join(''), /tearing down/);
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(lock), 'the start lock is released');
    assert.deepEqual(result.releasedLocks, [lock]);
    const raw = await rawTask();
    assert.equal(raw.status, 'not_started');
    assert.equal('worktree_path' in raw, false);
    assert.equal(raw.branch, branch, 'an unmerged branch that still exists stays on the task');
    assert.deepEqual(result.tasks, [
      { taskKey: TASK, cleared: ['worktree_path'], status: 'not_started' },
    ]);
  });

  it('moves the task to blocked when the setting says so', async () => {
    repo = createTaskRepo();
    const { path } = await started();
    await removeTaskWorktree({
      cwd: repo.root,
      path,
      tasks: effects({ statusAfterRemoval: 'blocked' }),
    });
    assert.equal((await rawTask()).status, 'blocked');
  });

  it('a failing teardown keeps the worktree, the lock and the task; forcing goes on and says so', async () => {
    repo = createTaskRepo();
    const { path, lock } = await started();
    const before = readFileSync(repo.taskFilePath, 'utf8');
    await assert.rejects(
      removeTaskWorktree({
        cwd: repo.root,
        path,
        teardown: { command: 'echo compose is stuck >&2; exit 3', trusted: true },
        tasks: effects(),
      }),
      (error: unknown) =>
        CoordinatorError.is(error, 'teardownFailed') &&
        /Teardown command "echo compose is stuck >&2; exit 3" exited with 3: compose is stuck; the worktree .* was kept\./.test(
          error.message,
        ),
    );
    assert.ok(existsSync(path));
    assert.ok(existsSync(lock));
    assert.equal(readFileSync(repo.taskFilePath, 'utf8'), before);

    const forced = await removeTaskWorktree({
      cwd: repo.root,
      path,
      force: true,
      teardown: { command: 'exit 3', trusted: true },
      tasks: effects(),
    });
    assert.equal(forced.teardown, 'failedForced');
    assert.match(forced.notes.join('\n'), /exited with 3; removed anyway \(forced\)/);
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(lock));
  });

  it('runs no teardown in an untrusted repository', async () => {
    repo = createTaskRepo();
    const { path } = await started();
    const marker = join(repo.parent, 'should-not-exist');
    const result = await removeTaskWorktree({
      cwd: repo.root,
      path,
      teardown: { command: `touch "${marker}"`, trusted: false },
    });
    assert.equal(result.teardown, 'skippedUntrusted');
    assert.ok(!existsSync(marker));
    assert.ok(!existsSync(path));
  });

  it('a merged task is completed only through the completion gate; forcing records the override', async () => {
    repo = createTaskRepo();
    const first = await startedAndMerged();
    // Progress is 0/5: the gate refuses, so the task keeps its status but loses the folder.
    const refused = await removeTaskWorktree({
      cwd: repo.root,
      path: first.path,
      tasks: effects(),
    });
    assert.equal(refused.merged, true);
    assert.match(
      refused.tasks[0]?.notCompleted ?? '',
      /^Cannot complete task1_shadow_diff \("Shadow-Diff Harness"\): progress is 0\/5 steps\.$/,
    );
    let raw = await rawTask();
    assert.equal(raw.status, 'in_progress');
    assert.equal('worktree_path' in raw, false);
    assert.equal(raw.branch, null, 'a merged branch is cleared from the task');

    // Again, merged and forced through the gate this time, deleting the merged branch.
    repo.git('worktree', 'add', '-q', first.path, first.branch);
    await repo.store.apply([
      { kind: 'setBranch', taskKey: TASK, branch: first.branch },
      { kind: 'setTaskField', taskKey: TASK, field: 'worktree_path', value: '../x' },
    ]);
    const completed = await removeTaskWorktree({
      cwd: repo.root,
      path: first.path,
      deleteMergedBranch: true,
      tasks: effects({ ui: forcedOnly(true) }),
    });
    assert.equal(completed.branchDeleted, true);
    assert.equal(completed.tasks[0]?.status, 'completed');
    raw = await rawTask();
    assert.equal(raw.status, 'completed');
    assert.equal(raw.branch, null);
    const overrides = raw.overrides as { gate: string; reasons: string[]; by: string }[];
    assert.deepEqual(
      overrides.map((o) => [o.gate, o.reasons, o.by]),
      [['completion', ['progress is 0/5 steps'], 'Test User']],
    );
  });

  it('a branch still at the commit it was made from is not merged: the task goes back', async () => {
    repo = createTaskRepo();
    const { path } = await started();
    const result = await removeTaskWorktree({ cwd: repo.root, path, tasks: effects() });
    assert.equal(result.merged, false);
    assert.equal((await rawTask()).status, 'not_started');
  });

  it('coord worktrees remove: the teardown from .vscode/settings.json runs only when trusted, output on stderr', async () => {
    repo = createTaskRepo();
    const { path, lock } = await started();
    repo.write(
      '.vscode/settings.json',
      '{\n  // the repository asks for a teardown\n  "coordinator.worktrees.teardownCommand": "echo stopping services; exit 4",\n}\n',
    );
    const { coord } = await import('../cli/runCoord');
    const env = { ...process.env, COORD_TRUSTED: '1' };
    const failed = await coord(['worktrees', 'remove', path], repo.root, undefined, env);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /stopping services/);
    assert.match(
      failed.stderr,
      /exited with 4: stopping services; the worktree .* was kept\. \(add --force to remove anyway\)/,
    );
    assert.ok(existsSync(path));

    const untrustedEnv = { ...process.env };
    delete untrustedEnv.COORD_TRUSTED;
    const untrusted = await coord(
      ['worktrees', 'remove', path],
      repo.root,
      undefined,
      untrustedEnv,
    );
    assert.equal(untrusted.code, 0, untrusted.stderr);
    assert.match(
      untrusted.stderr,
      /not trusted, so coordinator\.worktrees\.teardownCommand .* ignored/,
    );
    assert.doesNotMatch(untrusted.stderr, /stopping services/);
    assert.match(
      untrusted.stdout,
      /cleared worktree_path of task1_shadow_diff; task1_shadow_diff → not_started/,
    );
    assert.match(untrusted.stdout, /released .*task1_shadow_diff\.lock/);
    assert.ok(!existsSync(path));
    assert.ok(!existsSync(lock));
  });

  it('coord worktrees remove of a merged task the gate refuses says how to complete it anyway, and that command does', async () => {
    repo = createTaskRepo();
    const first = await startedAndMerged();
    const { coord } = await import('../cli/runCoord');

    const removed = await coord(['worktrees', 'remove', first.path], repo.root);
    assert.equal(removed.code, 0, removed.stderr);
    const hint = `coord set ${TASK} --status completed --force`;
    const line = removed.stdout.split('\n').find((text) => text.includes('not completed'));
    assert.ok(line, removed.stdout);
    assert.ok(
      line.includes(
        `${TASK} not completed: Cannot complete ${TASK} ("Shadow-Diff Harness"): progress is 0/5 steps`,
      ),
      line,
    );
    assert.ok(line.endsWith(`. (${hint} completes it anyway, recorded on the task)`), line);
    assert.ok(!existsSync(first.path));
    assert.equal((await rawTask()).status, 'in_progress');

    const forced = await coord(hint.split(' ').slice(1), repo.root);
    assert.equal(forced.code, 0, forced.stderr);
    const raw = await rawTask();
    assert.equal(raw.status, 'completed');
    const overrides = raw.overrides as { gate: string; reasons: string[] }[];
    assert.deepEqual(
      overrides.map((o) => o.gate),
      ['completion'],
    );
    assert.ok(
      overrides[0].reasons.includes('progress is 0/5 steps'),
      overrides[0].reasons.join('; '),
    );
  });
});
