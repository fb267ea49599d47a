import { parseWorktreePorcelain } from '../../kernel/git/worktreePorcelain';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import { runGit } from './exec';

/** Every worktree of the repository containing `cwd`, main first (includes nested and hand-made ones). */
export async function listWorktrees(cwd: string, signal?: AbortSignal): Promise<WorktreeEntry[]> {
  const result = await runGit(['worktree', 'list', '--porcelain', '-z'], {
    cwd,
    signal,
    readOnly: true,
  });
  return parseWorktreePorcelain(result.stdout);
}

export interface AddWorktreeOptions {
  /** Any folder of the repository. */
  cwd: string;
  path: string;
  branch: string;
  /** Create `branch` at this commit; when absent the existing branch is checked out. */
  newBranchFrom?: string;
  /** Leaves the new worktree locked with this reason (set before git writes anything into it). */
  lockReason?: string;
  signal?: AbortSignal;
}

/**
 * `git worktree add`. Names were validated by the caller, and `--` ends the
 * options so neither the path nor a ref can be read as one.
 */
export async function addWorktree(options: AddWorktreeOptions): Promise<void> {
  const lock = options.lockReason ? ['--lock', '--reason', options.lockReason] : [];
  const args = options.newBranchFrom
    ? [
        'worktree',
        'add',
        ...lock,
        '--no-track',
        '-b',
        options.branch,
        '--',
        options.path,
        options.newBranchFrom,
      ]
    : ['worktree', 'add', ...lock, '--', options.path, options.branch];
  await runGit(args, { cwd: options.cwd, signal: options.signal });
}

/**
 * `git worktree remove`; without `force`, git itself refuses a worktree with changes (reason
 * `dirty`). `force` also removes a locked worktree unless `keepLocked` (reason `locked`).
 */
export async function removeWorktree(
  cwd: string,
  path: string,
  options: { force?: boolean; keepLocked?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  const force = options.force ? (options.keepLocked ? ['--force'] : ['--force', '--force']) : [];
  const args = ['worktree', 'remove', ...force, '--', path];
  await runGit(args, { cwd, signal: options.signal });
}

/** `git worktree unlock`. */
export async function unlockWorktree(
  cwd: string,
  path: string,
  signal?: AbortSignal,
): Promise<void> {
  await runGit(['worktree', 'unlock', '--', path], { cwd, signal });
}

/** `git worktree prune`; returns git's report of what it pruned (one line per entry). */
export async function pruneWorktrees(
  cwd: string,
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<string[]> {
  const args = ['worktree', 'prune', '--verbose', ...(options.dryRun ? ['--dry-run'] : [])];
  const result = await runGit(args, { cwd, signal: options.signal });
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
