import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGitError } from '../../../src/platform/git';
import {
  listWorktreesWithStatus,
  pruneWorktrees,
  RemovalNeedsConfirmation,
  removeTaskWorktree,
  startTaskInWorktree,
} from '../../../src/features/worktrees';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

describe('worktree listing, removal and pruning (real git)', () => {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  it('lists every worktree with task, dirty count, ahead/behind base, last commit, nested and prunable ones', async () => {
    repo = createTaskRepo();
    const started = await startTaskInWorktree({
      taskKey: 'task1',
      taskFilePath: repo.taskFilePath,
      store: repo.store,
    });
    writeFileSync(join(started.path, 'a.txt'), 'a\n');
    repo.git('-C', started.path, 'add', 'a.txt');
    repo.git('-C', started.path, 'commit', '-q', '-m', 'first change');
    writeFileSync(join(started.path, 'b.txt'), 'untracked\n');
    writeFileSync(join(started.path, 'src/app.ts'), 'changed\n');
    const nested = join(repo.root, 'nested wt');
    repo.git('worktree', 'add', '-q', '--detach', nested);
    const gone = join(repo.parent, 'gone');
    repo.git('worktree', 'add', '-q', '-b', 'feat/gone', gone);
    rmSync(gone, { recursive: true, force: true });
    repo.write('main-only.txt', 'x\n');
    repo.git('add', 'main-only.txt');
    repo.git('commit', '-q', '-m', 'main moves on');

    const model = (await repo.store.read()).model;
    const list = await listWorktreesWithStatus(repo.root, { model });
    assert.equal(list.length, 4);
    const byPath = (path: string) => list.find((info) => info.path === path);
    const [main, task, nestedInfo, goneInfo] = [
      list[0],
      byPath(started.path),
      byPath(nested),
      byPath(gone),
    ];
    assert.equal(main?.main, true);
    assert.equal(main?.status?.dirtyCount, 2, 'the task file edit and the nested worktree folder');

    assert.equal(task?.path, started.path);
    assert.equal(task?.taskKey, 'task1_shadow_diff');
    assert.equal(task?.branch, 'feat/codex/shadow-diff-harness');
    assert.equal(task?.status?.dirtyCount, 2);
    assert.equal(task?.aheadOfBase, 1);
    assert.equal(task?.behindBase, 1);
    assert.equal(task?.lastCommit?.subject, 'first change');
    assert.ok((task?.lastCommit?.time ?? 0) > 0);

    assert.equal(nestedInfo?.path, nested);
    assert.equal(nestedInfo?.nestedIn, repo.root);
    assert.equal(nestedInfo?.detached, true);

    assert.equal(goneInfo?.branch, 'feat/gone');
    assert.ok(goneInfo?.prunable);
    assert.equal(goneInfo?.status, undefined);

    assert.equal((await pruneWorktrees(repo.root, { dryRun: true })).length, 1);
    await pruneWorktrees(repo.root);
    assert.equal((await listWorktreesWithStatus(repo.root)).length, 3);
  });

  it('refuses to remove a dirty worktree or one with unpushed commits unless forced, and deletes a merged branch on request', async () => {
    repo = createTaskRepo();
    const dirty = join(repo.parent, 'dirty');
    repo.git('worktree', 'add', '-q', '-b', 'feat/dirty', dirty);
    writeFileSync(join(dirty, 'wip.txt'), 'wip\n');
    await assert.rejects(removeTaskWorktree({ cwd: repo.root, path: dirty }), (error: unknown) => {
      assert.ok(error instanceof RemovalNeedsConfirmation);
      assert.equal(error.reason, 'dirty');
      assert.equal(error.dirtyCount, 1);
      return true;
    });

    const ahead = join(repo.parent, 'ahead');
    repo.git('worktree', 'add', '-q', '-b', 'feat/ahead', ahead);
    writeFileSync(join(ahead, 'c.txt'), 'c\n');
    repo.git('-C', ahead, 'add', 'c.txt');
    repo.git('-C', ahead, 'commit', '-q', '-m', 'not pushed');
    await assert.rejects(removeTaskWorktree({ cwd: repo.root, path: ahead }), (error: unknown) =>
      isGitError(error, 'unpushed'),
    );

    const forced = await removeTaskWorktree({
      cwd: repo.root,
      path: dirty,
      force: true,
      deleteMergedBranch: true,
    });
    assert.equal(
      forced.branchDeleted,
      true,
      'feat/dirty has no commits of its own, so it is merged',
    );
    const kept = await removeTaskWorktree({
      cwd: repo.root,
      path: ahead,
      force: true,
      deleteMergedBranch: true,
    });
    assert.equal(kept.branchDeleted, false);
    assert.match(kept.branchKept ?? '', /not merged into main/);
    assert.match(repo.git('branch', '--list', 'feat/ahead'), /feat\/ahead/);
    assert.doesNotMatch(repo.git('branch', '--list', 'feat/dirty'), /feat\/dirty/);

    await assert.rejects(
      removeTaskWorktree({ cwd: repo.root, path: repo.root, force: true }),
      (error: unknown) => isGitError(error, 'notAWorktree'),
    );
  });
});
