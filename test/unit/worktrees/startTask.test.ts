import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { GitError } from '../../../src/platform/git';
import {
  START_STEPS,
  StartTaskError,
  startTaskInWorktree,
  type StartStep,
  type StartTaskOptions,
} from '../../../src/features/worktrees';
import { readPortLedger } from '../../../src/features/worktrees/portAllocation';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

function options(
  repo: TaskRepo,
  taskKey: string,
  extra: Partial<StartTaskOptions> = {},
): StartTaskOptions {
  return {
    taskKey,
    taskFilePath: repo.taskFilePath,
    store: repo.store,
    now: () => new Date('2026-01-02T03:04:05.678Z'),
    ...extra,
  };
}

function branches(repo: TaskRepo): string[] {
  return repo.git('for-each-ref', '--format=%(refname:short)', 'refs/heads').trim().split('\n');
}

function worktreePaths(repo: TaskRepo): string[] {
  return repo
    .git('worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => line.slice('worktree '.length));
}

describe('start a task in a worktree (real git)', function () {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  it('creates branch and worktree beside the main checkout, copies .env files, writes the brief and updates the task file', async () => {
    repo = createTaskRepo({ name: 'Lukhas' });
    repo.write('.env', 'SECRET=1\n');
    repo.write('apps/api/.env.local', 'LOCAL=1\n');
    repo.write('.worktreeinclude', 'config/dev.json\n');
    repo.write('config/dev.json', '{"dev":true}\n');
    mkdirSync(join(repo.root, '.dev', 'locks'), { recursive: true });
    const steps: StartStep[] = [];

    const result = await startTaskInWorktree(
      options(repo, 'task1', { onStep: (step) => steps.push(step) }),
    );

    assert.equal(result.outcome, 'created');
    assert.equal(result.task.key, 'task1_shadow_diff');
    assert.equal(result.branch, 'feat/codex/shadow-diff-harness');
    assert.equal(result.path, join(repo.parent, 'Lukhas-codex-shadow-diff-harness'));
    assert.equal(result.base, 'main');
    assert.equal(result.createdBranch, true);
    assert.ok(worktreePaths(repo).includes(result.path));
    assert.equal(repo.git('-C', result.path, 'branch', '--show-current').trim(), result.branch);
    assert.deepEqual([...result.copiedFiles].sort(), [
      '.env',
      'apps/api/.env.local',
      'config/dev.json',
    ]);
    assert.equal(readFileSync(join(result.path, 'apps/api/.env.local'), 'utf8'), 'LOCAL=1\n');
    assert.ok(!existsSync(join(result.path, '.dev')), 'lock folder is in the main checkout only');

    const brief = readFileSync(join(result.path, 'TASK_BRIEF.md'), 'utf8');
    for (const expected of [
      '# Shadow-Diff Harness',
      '`task1_shadow_diff`',
      'feat/codex/shadow-diff-harness',
      'No false positives on the golden set',
      '`tools/shadow_diff.py`',
      'make shadow-diff',
      'coord set task1_shadow_diff --progress n/5',
      'coord set task1_shadow_diff --status completed',
    ]) {
      assert.ok(brief.includes(expected), `brief lacks ${expected}`);
    }
    const seenByGit = repo.git('-C', result.path, 'status', '--porcelain', '--untracked-files=all');
    assert.equal(
      seenByGit.trim(),
      '?? config/dev.json',
      'the brief and ignored copies stay out of git; a copied untracked file stays untracked',
    );

    assert.ok(result.lockFile && existsSync(result.lockFile));
    const task = (await repo.store.read()).model?.byKey.get('task1_shadow_diff');
    assert.equal(task?.status, 'in_progress');
    assert.equal(task?.branch, 'feat/codex/shadow-diff-harness');
    assert.equal(task?.worktreePath, '../Lukhas-codex-shadow-diff-harness');
    assert.equal(task?.startedAt, '2026-01-02T03:04:05Z');
    const order = steps.map((step) => START_STEPS.indexOf(step));
    assert.deepEqual(
      order,
      [...order].sort((x, y) => x - y),
      'steps run in their declared order',
    );
    assert.equal(steps.at(-1), 'update task file');
  });

  it('makes the branch from the template when the task has none, and lists dependency status in the brief', async () => {
    repo = createTaskRepo();
    const result = await startTaskInWorktree(options(repo, 'task2_golden_tokens'));
    assert.equal(result.branch, 'feat/codex/golden-token-kit');
    assert.equal(result.path, join(repo.parent, 'repo-codex-golden-token-kit'));
    const brief = readFileSync(join(result.path, 'TASK_BRIEF.md'), 'utf8');
    assert.match(brief, /`task1_shadow_diff` Shadow-Diff Harness: \*\*not started\*\*/);
    assert.match(brief, /`prometheus_running` \(external prerequisite/);
  });

  it('reuses an existing branch with its commits', async () => {
    repo = createTaskRepo();
    repo.git('branch', 'feat/codex/shadow-diff-harness');
    repo.git(
      'worktree',
      'add',
      '-q',
      join(repo.parent, 'tmp-wt'),
      'feat/codex/shadow-diff-harness',
    );
    writeFileSync(join(repo.parent, 'tmp-wt', 'work.txt'), 'done\n');
    repo.git('-C', join(repo.parent, 'tmp-wt'), 'add', 'work.txt');
    repo.git('-C', join(repo.parent, 'tmp-wt'), 'commit', '-q', '-m', 'earlier work');
    repo.git('worktree', 'remove', join(repo.parent, 'tmp-wt'));

    const result = await startTaskInWorktree(options(repo, 'task1'));
    assert.equal(result.outcome, 'created');
    assert.equal(result.createdBranch, false);
    assert.equal(readFileSync(join(result.path, 'work.txt'), 'utf8'), 'done\n');
  });

  it('opens the existing worktree instead of making a second one', async () => {
    repo = createTaskRepo();
    const first = await startTaskInWorktree(options(repo, 'task1'));
    const second = await startTaskInWorktree(options(repo, 'task1'));
    assert.equal(second.outcome, 'existing');
    assert.equal(second.path, first.path);
    assert.equal(worktreePaths(repo).length, 2);
  });

  it('refuses a path that exists but is not the task worktree, and creates nothing', async () => {
    repo = createTaskRepo();
    const squatter = join(repo.parent, 'repo-codex-shadow-diff-harness');
    mkdirSync(squatter);
    writeFileSync(join(squatter, 'mine.txt'), 'keep me\n');
    await assert.rejects(startTaskInWorktree(options(repo, 'task1')), (error: unknown) => {
      assert.ok(error instanceof StartTaskError);
      assert.equal(error.step, 'check existing worktrees');
      assert.match(
        error.message,
        /already exists and is not the worktree of branch feat\/codex\/shadow-diff-harness/,
      );
      return true;
    });
    assert.equal(readFileSync(join(squatter, 'mine.txt'), 'utf8'), 'keep me\n');
    assert.deepEqual(branches(repo), ['main']);
    assert.equal(
      (await repo.store.read()).model?.byKey.get('task1_shadow_diff')?.status,
      'not_started',
    );
  });

  it('works from a dirty main checkout and leaves its changes alone', async () => {
    repo = createTaskRepo();
    repo.write('src/app.ts', 'export const app = 2; // unsaved work\n');
    repo.write('scratch.txt', 'notes\n');
    const result = await startTaskInWorktree(options(repo, 'task1'));
    assert.equal(readFileSync(join(result.path, 'src/app.ts'), 'utf8'), 'export const app = 1;\n');
    assert.equal(
      readFileSync(join(repo.root, 'src/app.ts'), 'utf8'),
      'export const app = 2; // unsaved work\n',
    );
    assert.ok(!existsSync(join(result.path, 'scratch.txt')));
  });

  it('bases the branch on the default branch when the main checkout is on a detached HEAD', async () => {
    repo = createTaskRepo();
    const mainHead = repo.git('rev-parse', 'HEAD').trim();
    repo.write('later.txt', 'x\n');
    repo.commit('later');
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    repo.git('branch', '-f', 'main', 'HEAD@{1}');
    const result = await startTaskInWorktree(options(repo, 'task1'));
    assert.equal(result.base, 'main');
    assert.notEqual(repo.git('-C', result.path, 'rev-parse', 'HEAD').trim(), mainHead);
    assert.ok(existsSync(join(result.path, 'later.txt')));
  });

  it('reports a repository without commits clearly and leaves nothing behind', async () => {
    repo = createTaskRepo({ empty: true });
    await assert.rejects(startTaskInWorktree(options(repo, 'task1')), (error: unknown) => {
      assert.ok(error instanceof StartTaskError);
      assert.equal(error.step, 'resolve base');
      assert.ok(
        error.cause instanceof GitError && error.cause.reason === 'noCommits',
        String(error.cause),
      );
      assert.match(error.message, /no commits yet/);
      return true;
    });
    assert.deepEqual(worktreePaths(repo), [repo.root]);
    assert.ok(!existsSync(join(repo.parent, 'repo-codex-shadow-diff-harness')));
  });

  it('undoes what the run created when a later step fails, naming the step', async () => {
    repo = createTaskRepo();
    mkdirSync(join(repo.root, '.dev', 'locks'), { recursive: true });
    const failingStore = {
      read: () => repo.store.read(),
      apply: () => Promise.reject(new Error('disk full')),
    };
    await assert.rejects(
      startTaskInWorktree({ ...options(repo, 'task1'), store: failingStore }),
      (error: unknown) => {
        assert.ok(error instanceof StartTaskError);
        assert.equal(error.step, 'update task file');
        assert.match(error.message, /step "update task file": disk full/);
        assert.deepEqual(
          error.rolledBack.map((label) => label.split(' ')[0]),
          ['lock', 'brief', 'info/exclude', 'port', 'worktree', 'branch'],
          error.message,
        );
        return true;
      },
    );
    assert.deepEqual(worktreePaths(repo), [repo.root]);
    assert.deepEqual(branches(repo), ['main']);
    assert.ok(!existsSync(join(repo.parent, 'repo-codex-shadow-diff-harness')));
    assert.ok(!existsSync(join(repo.root, '.dev', 'locks', 'task1_shadow_diff.lock')));
    assert.equal((await readPortLedger(repo.root)).size, 0, 'the port block was given back');
  });

  it('runs the setup command only in a trusted workspace, streaming its output; a failing one rolls back', async () => {
    repo = createTaskRepo();
    const untrusted = await startTaskInWorktree(
      options(repo, 'task1', {
        setupCommand: 'echo set up > setup-ran.txt',
        isTrusted: () => false,
      }),
    );
    assert.equal(untrusted.setup, 'skippedUntrusted');
    assert.ok(!existsSync(join(untrusted.path, 'setup-ran.txt')));

    const output: string[] = [];
    const trusted = await startTaskInWorktree(
      options(repo, 'task2', {
        setupCommand: 'echo "setting up in $(basename "$PWD")"; echo done > setup-ran.txt',
        isTrusted: () => true,
        onOutput: (chunk) => output.push(chunk),
      }),
    );
    assert.equal(trusted.setup, 'ran');
    assert.ok(existsSync(join(trusted.path, 'setup-ran.txt')));
    assert.match(output.join(''), /setting up in repo-codex-golden-token-kit/);

    await assert.rejects(
      startTaskInWorktree(
        options(repo, 'cc3', { setupCommand: 'echo broken >&2; exit 3', isTrusted: () => true }),
      ),
      (error: unknown) =>
        error instanceof StartTaskError &&
        error.step === 'run setup command' &&
        /exited with 3: broken/.test(error.message),
    );
    assert.ok(!branches(repo).includes('feat/claude/circuit-breaker-review'));
    assert.ok(!existsSync(join(repo.parent, 'repo-claude-circuit-breaker-review')));
  });

  it('works with spaces and unicode in the repository path and the path template', async () => {
    repo = createTaskRepo({ name: 'my répo ü' });
    const result = await startTaskInWorktree(
      options(repo, 'task1', { pathTemplate: '${repoParent}/work trees/${repo} ${agent} ${slug}' }),
    );
    assert.equal(
      result.path,
      join(repo.parent, 'work trees', 'my répo ü codex shadow-diff-harness'),
    );
    assert.ok(existsSync(join(result.path, 'TASK_BRIEF.md')));
    assert.ok(worktreePaths(repo).includes(result.path));
  });

  it('never lets a branch from the task file reach git as an option', async () => {
    repo = createTaskRepo({
      tasks: {
        evil: {
          id: 'evil',
          name: 'Evil',
          owner: 'x',
          status: 'not_started',
          branch: '--upload-pack=touch pwned',
          dependencies: [],
        },
      },
    });
    await assert.rejects(startTaskInWorktree(options(repo, 'evil')), (error: unknown) => {
      assert.ok(error instanceof StartTaskError);
      assert.equal(error.step, 'plan branch and folder');
      assert.match(error.message, /not accept as a branch name/);
      return true;
    });
    assert.deepEqual(branches(repo), ['main']);
  });

  it('a start that writes nothing still clears what a killed writer left beside the task file', async () => {
    repo = createTaskRepo();
    await startTaskInWorktree(options(repo, 'task1'));
    // A writer killed between linking in its new text and removing the old one leaves this.
    const gone = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']),
    );
    const folder = dirname(repo.taskFilePath);
    const aside = join(folder, `.${basename(repo.taskFilePath)}.${gone}.0a1b2c3d.old`);
    writeFileSync(aside, readFileSync(repo.taskFilePath));
    const again = await startTaskInWorktree(options(repo, 'task1'));
    assert.equal(again.outcome, 'existing');
    assert.ok(!existsSync(aside), 'the stale copy is gone');
  });

  it('two starts of different tasks at once both succeed, and the task file keeps both', async () => {
    repo = createTaskRepo();
    const [a, b] = await Promise.all([
      startTaskInWorktree(options(repo, 'task1')),
      startTaskInWorktree(options(repo, 'task2')),
    ]);
    assert.equal(a.outcome, 'created');
    assert.equal(b.outcome, 'created');
    const model = (await repo.store.read()).model;
    assert.equal(model?.byKey.get('task1_shadow_diff')?.status, 'in_progress');
    assert.equal(model?.byKey.get('task2_golden_tokens')?.status, 'in_progress');
    assert.equal(worktreePaths(repo).length, 3);
  });

  it('two starts of the same task at once: one creates, the other reports that worktree', async () => {
    repo = createTaskRepo();
    const results = await Promise.all([
      startTaskInWorktree(options(repo, 'task1')),
      startTaskInWorktree(options(repo, 'task1')),
    ]);
    assert.deepEqual(results.map((result) => result.outcome).sort(), ['created', 'existing']);
    assert.equal(results[0]?.path, results[1]?.path);
    assert.equal(worktreePaths(repo).length, 2);
    assert.ok(existsSync(join(results[0]?.path ?? '', 'TASK_BRIEF.md')));
  });
});
