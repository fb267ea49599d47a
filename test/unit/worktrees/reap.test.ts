import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reapWorktrees } from '../../../src/features/worktrees/reapWorktrees';
import { restoreBackup } from '../../../src/features/worktrees/restoreBackup';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

const DAY_S = 86_400;
const OLD = Math.floor(Date.now() / 1000) - 40 * DAY_S;

describe('the reaper: every worktree judged, only safe ones removed (real git, real processes)', () => {
  isolateGitConfig();
  let repo: TaskRepo;
  let sleeper: ChildProcess | undefined;
  afterEach(() => {
    sleeper?.kill('SIGKILL');
    sleeper = undefined;
    repo?.dispose();
  });

  /** A worktree with one commit; `old` fakes its commit date and the mtimes git and the folder show. */
  function worktree(path: string, branch: string, options: { old?: boolean } = {}): string {
    repo.git('worktree', 'add', '-q', '-b', branch, path);
    writeFileSync(join(path, `${branch.replace(/\W/g, '-')}.txt`), `${branch}\n`);
    repo.git('-C', path, 'add', '-A');
    const date = options.old ? `@${OLD} +0000` : '';
    const env: Record<string, string> = options.old
      ? { GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }
      : {};
    gitWithEnv(path, ['commit', '-q', '-m', `work on ${branch}`], env);
    if (options.old) {
      age(path);
    }
    return path;
  }

  /** Fakes the mtimes the reaper reads for activity: the folder, its index and HEAD. */
  function age(path: string): void {
    const gitDir = repo.git('-C', path, 'rev-parse', '--absolute-git-dir').trim();
    for (const file of [path, join(gitDir, 'index'), join(gitDir, 'HEAD')]) {
      utimesSync(file, OLD, OLD);
    }
  }

  function gitWithEnv(cwd: string, args: string[], env: Record<string, string>) {
    execFileSync('git', args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
  }

  function worktreeList(): string {
    return repo.git('worktree', 'list', '--porcelain');
  }

  it('classifies worktrees of every layout, dry run changes nothing, then removes only the safe ones and restores a backup', async () => {
    repo = createTaskRepo();
    const merged = worktree(join(repo.parent, 'merged'), 'feat/merged');
    repo.git('merge', '-q', '--no-edit', 'feat/merged');
    // Claude Code's layout inside the main checkout, abandoned with a commit on no remote.
    const claude = worktree(join(repo.root, '.claude', 'worktrees', 'old-agent'), 'claude/old', {
      old: true,
    });
    const dirty = worktree(join(repo.parent, 'dirty'), 'feat/dirty', { old: true });
    writeFileSync(join(dirty, 'wip.txt'), 'uncommitted\n');
    age(dirty);
    const locked = worktree(join(repo.parent, 'locked'), 'feat/locked', { old: true });
    repo.git('worktree', 'lock', '--reason', 'claude agent agent-1 (pid 4242)', locked);
    const busy = worktree(join(repo.parent, 'busy'), 'feat/busy', { old: true });
    mkdirSync(join(busy, 'deep'), { recursive: true });
    age(busy);
    sleeper = spawn('sleep', ['60'], { cwd: join(busy, 'deep'), stdio: 'ignore' });
    const active = worktree(join(repo.parent, 'active'), 'feat/active');
    const gone = join(repo.parent, 'gone');
    repo.git('worktree', 'add', '-q', '-b', 'feat/gone', gone);
    rmSync(gone, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the sleeper has its cwd

    const before = {
      list: worktreeList(),
      refs: repo.git('for-each-ref'),
      plan: readFileSync(repo.taskFilePath, 'utf8'),
    };
    const dry = await reapWorktrees({
      cwd: repo.root,
      abandonedDays: 14,
      dryRun: true,
      sizes: true,
    });
    const verdict = (path: string) => {
      const found = dry.survey.verdicts.find((v) => v.facts.path === path);
      assert.ok(found, `a verdict for ${path}`);
      return found;
    };
    assert.deepEqual(verdict(merged).classes, ['merged']);
    assert.equal(verdict(merged).safe, true);
    assert.deepEqual(verdict(claude).classes, ['abandoned', 'unpushed']);
    assert.equal(verdict(claude).origin, 'Claude Code');
    assert.equal(verdict(claude).safe, true);
    assert.match(
      verdict(claude).why,
      /no activity for 4\d days; 1 commit\(s\) kept in a backup ref/,
    );
    assert.deepEqual(verdict(dirty).classes, ['abandoned', 'dirty', 'unpushed']);
    assert.equal(verdict(dirty).safe, false);
    assert.equal(verdict(dirty).origin, 'by hand');
    assert.ok(verdict(locked).classes.includes('locked'));
    assert.equal(verdict(locked).safe, false);
    assert.match(verdict(locked).why, /claude agent agent-1/);
    assert.ok(verdict(busy).classes.includes('inUse'));
    assert.equal(verdict(busy).safe, false);
    assert.match(verdict(busy).why, new RegExp(`${sleeper.pid} sleep 60`));
    assert.deepEqual(verdict(active).classes, ['unpushed']);
    assert.equal(verdict(active).safe, false);
    assert.deepEqual(verdict(gone).classes, ['prunable']);
    assert.equal(verdict(gone).safe, true);
    assert.ok((verdict(merged).facts.bytes ?? 0) > 0, 'sizes measured for the dry run');
    assert.deepEqual(dry.removed, []);
    assert.deepEqual(
      {
        list: worktreeList(),
        refs: repo.git('for-each-ref'),
        plan: readFileSync(repo.taskFilePath, 'utf8'),
      },
      before,
      'a dry run changes nothing',
    );

    const claudeHead = repo.git('-C', claude, 'rev-parse', 'HEAD').trim();
    const report = await reapWorktrees({ cwd: repo.root, abandonedDays: 14 });
    assert.deepEqual(report.kept, []);
    const judged = (verdicts: typeof dry.survey.verdicts) =>
      verdicts.map((v) => ({ path: v.facts.path, classes: v.classes, safe: v.safe }));
    assert.deepEqual(
      judged(report.survey.verdicts),
      judged(dry.survey.verdicts),
      'judged right before each removal as the dry run judged them, in the same order',
    );
    assert.deepEqual(report.removed.map((r) => r.path).sort(), [claude, gone, merged].sort());
    for (const path of [merged, claude]) {
      assert.ok(!existsSync(path), `${path} removed`);
    }
    for (const path of [dirty, locked, busy, active]) {
      assert.ok(existsSync(path), `${path} kept`);
      assert.match(worktreeList(), new RegExp(`worktree ${path}\\n`));
    }
    assert.doesNotMatch(worktreeList(), /worktree .*\/gone\n/);
    assert.equal(repo.git('branch', '--list', 'feat/merged').trim(), '', 'merged branch deleted');
    const claudeRemoval = report.removed.find((r) => r.path === claude);
    assert.equal(claudeRemoval?.backupRef, 'refs/coordinator/backup/claude/old');
    assert.equal(repo.git('rev-parse', 'refs/coordinator/backup/claude/old').trim(), claudeHead);
    assert.equal(report.removed.find((r) => r.path === merged)?.backupRef, undefined);
    assert.ok(report.reclaimedBytes >= 0);

    repo.git('branch', '-D', 'claude/old');
    const restored = await restoreBackup(repo.root, 'claude/old');
    assert.equal(restored.path, claude);
    assert.equal(repo.git('-C', claude, 'rev-parse', 'HEAD').trim(), claudeHead);
    assert.equal(repo.git('-C', claude, 'branch', '--show-current').trim(), 'claude/old');
  });

  it('a process that moves into a worktree after the survey keeps it', async () => {
    repo = createTaskRepo();
    const old = worktree(join(repo.parent, 'old'), 'feat/old', { old: true });
    const report = await reapWorktrees({
      cwd: repo.root,
      abandonedDays: 14,
      choose: async (survey) => {
        sleeper = spawn('sleep', ['60'], { cwd: old, stdio: 'ignore' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        return survey.verdicts.filter((v) => v.safe);
      },
    });
    assert.deepEqual(report.removed, []);
    assert.match(report.kept[0]?.reason ?? '', new RegExp(`in use by process ${sleeper?.pid}`));
    assert.ok(existsSync(old));
  });

  it('--older-than and --json in coord worktrees reap; restore by branch name', async () => {
    repo = createTaskRepo();
    const old = worktree(join(repo.parent, 'hand-made'), 'feat/hand', { old: true });
    const { coord } = await import('../cli/runCoord');
    const dry = await coord(
      ['worktrees', 'reap', '--dry-run', '--json', '--older-than', '60'],
      repo.root,
    );
    assert.equal(dry.code, 0, dry.stderr);
    const parsed = JSON.parse(dry.stdout) as { worktrees: { path: string; safe: boolean }[] };
    assert.deepEqual(
      parsed.worktrees.map((w) => [w.path, w.safe]),
      [[old, false]],
      '40 days idle is not abandoned at --older-than 60',
    );
    const reaped = await coord(['worktrees', 'reap', '--older-than', '30'], repo.root);
    assert.equal(reaped.code, 0, reaped.stderr);
    assert.match(
      reaped.stdout,
      /removed .*hand-made; backup refs\/coordinator\/backup\/feat\/hand/,
    );
    assert.match(reaped.stdout, /removed 1 worktree\(s\), reclaimed about [\d.]+ MB/);
    assert.ok(!existsSync(old));
    const bad = await coord(['worktrees', 'reap', '--older-than', 'soon'], repo.root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--older-than takes a number of days, not "soon"/);
    const restored = await coord(['worktrees', 'restore', 'feat/hand'], repo.root);
    assert.equal(restored.code, 0, restored.stderr);
    assert.ok(existsSync(join(old, 'feat-hand.txt')));
    const missing = await coord(['worktrees', 'restore', 'nope'], repo.root);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No backup of "nope"; backups: feat\/hand/);
  });
});
