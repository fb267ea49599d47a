import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  addWorktree,
  branchExists,
  defaultBranch,
  GitError,
  isGitError,
  listWorktrees,
  mainWorktreeRoot,
  resolveCommit,
  runGit,
  worktreeTopLevel,
} from '../../../src/platform/git';
import { createTempRepo, isolateGitConfig, type TempRepo } from '../../support/tempRepo';

describe('git module (real git)', () => {
  isolateGitConfig();
  let repo: TempRepo;
  beforeEach(() => {
    repo = createTempRepo();
  });
  afterEach(() => repo.dispose());

  it('finds the main worktree from the main checkout, a subfolder, a linked and a nested worktree', async () => {
    mkdirSync(join(repo.root, 'src', 'deep'), { recursive: true });
    const linked = join(repo.parent, 'linked wt');
    const nested = join(repo.root, 'nested-wt');
    repo.git('worktree', 'add', '-q', '-b', 'feat/a', linked);
    repo.git('worktree', 'add', '-q', '-b', 'feat/b', nested);
    for (const cwd of [repo.root, join(repo.root, 'src', 'deep'), linked, nested]) {
      assert.equal(await mainWorktreeRoot(cwd), repo.root, cwd);
    }
    assert.equal(await worktreeTopLevel(nested), nested);
    const entries = await listWorktrees(linked);
    assert.deepEqual(
      entries.map((entry) => [entry.path, entry.branch, entry.main]),
      [
        [repo.root, 'main', true],
        [linked, 'feat/a', false],
        [nested, 'feat/b', false],
      ],
    );
  });

  it('says undefined outside a repository and throws on a missing folder', async () => {
    const outside = join(repo.parent, 'not-a-repo');
    mkdirSync(outside);
    process.env.GIT_CEILING_DIRECTORIES = repo.parent;
    try {
      assert.equal(await mainWorktreeRoot(outside), undefined);
    } finally {
      delete process.env.GIT_CEILING_DIRECTORIES;
    }
    await assert.rejects(mainWorktreeRoot(join(repo.parent, 'missing')), (error: unknown) =>
      isGitError(error, 'cwdMissing'),
    );
  });

  it('ignores GIT_DIR and GIT_WORK_TREE leaking from a hook environment', async () => {
    const other = createTempRepo({ name: 'other' });
    process.env.GIT_DIR = join(other.root, '.git');
    process.env.GIT_WORK_TREE = other.root;
    try {
      assert.equal(await mainWorktreeRoot(repo.root), repo.root);
    } finally {
      delete process.env.GIT_DIR;
      delete process.env.GIT_WORK_TREE;
      other.dispose();
    }
  });

  it('maps stderr to typed reasons and keeps the failure details', async () => {
    await addWorktree({
      cwd: repo.root,
      path: join(repo.parent, 'one'),
      branch: 'feat/x',
      newBranchFrom: 'main',
    });
    await assert.rejects(
      addWorktree({ cwd: repo.root, path: join(repo.parent, 'two'), branch: 'feat/x' }),
      (error: unknown) => {
        assert.ok(isGitError(error, 'alreadyCheckedOut'), String(error));
        assert.equal(error.failure?.exitCode, 128);
        return true;
      },
    );
    await assert.rejects(
      addWorktree({
        cwd: repo.root,
        path: join(repo.parent, 'three'),
        branch: 'feat/x',
        newBranchFrom: 'main',
      }),
      (error: unknown) => isGitError(error, 'alreadyExists'),
    );
    await assert.rejects(
      addWorktree({
        cwd: repo.root,
        path: join(repo.parent, 'one'),
        branch: 'feat/y',
        newBranchFrom: 'main',
      }),
      (error: unknown) => isGitError(error, 'pathExists'),
    );
    await assert.rejects(
      addWorktree({
        cwd: repo.root,
        path: join(repo.parent, 'four'),
        branch: 'feat/z',
        newBranchFrom: 'no-such-branch',
      }),
      (error: unknown) => isGitError(error, 'unknownRef'),
    );
    const outside = join(repo.parent, 'plain');
    mkdirSync(outside);
    process.env.GIT_CEILING_DIRECTORIES = repo.parent;
    try {
      await assert.rejects(
        runGit(['log', '-1'], { cwd: outside }),
        (error: unknown) => error instanceof GitError && error.reason === 'notARepository',
      );
    } finally {
      delete process.env.GIT_CEILING_DIRECTORIES;
    }
  });

  it('never reads a ref as an option', async () => {
    await assert.rejects(resolveCommit(repo.root, '--output=/tmp/pwned'), (error: unknown) =>
      isGitError(error, 'unknownRef'),
    );
    assert.equal(await branchExists(repo.root, '--all'), false);
  });

  it('tells the default branch, also on a detached HEAD, and an empty repository has no commits', async () => {
    repo.git('checkout', '-q', '--detach');
    assert.equal(await defaultBranch(repo.root), 'main');
    repo.git('branch', '-m', 'main', 'trunk');
    repo.git('config', 'init.defaultBranch', 'trunk');
    assert.equal(await defaultBranch(repo.root), 'trunk');
    const empty = createTempRepo({ name: 'empty', empty: true });
    try {
      await assert.rejects(resolveCommit(empty.root, 'main'), (error: unknown) =>
        isGitError(error, 'noCommits'),
      );
    } finally {
      empty.dispose();
    }
  });

  it('cancels a running command through its AbortSignal', async () => {
    const controller = new AbortController();
    const pending = runGit(['hash-object', '--stdin'], {
      cwd: repo.root,
      signal: controller.signal,
    });
    controller.abort();
    await assert.rejects(pending, (error: unknown) => isGitError(error, 'cancelled'));
  });
});
