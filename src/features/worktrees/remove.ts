import { GitError } from '../../platform/git/errors';
import { defaultBranch, deleteBranch, isMergedInto } from '../../platform/git/refs';
import { unpushedCount, worktreeStatus } from '../../platform/git/status';
import { listWorktrees, removeWorktree } from '../../platform/git/worktrees';
import type { PortBlock } from './model/portBlocks';
import { releasePorts } from './portAllocation';

export interface RemoveWorktreeOptions {
  /** Any folder of the repository. */
  cwd: string;
  /** The worktree to remove, as `git worktree list` shows it. */
  path: string;
  /** Remove even with changes or unpushed commits (after the user confirmed). */
  force?: boolean;
  /** Also delete the worktree's branch when it is merged into the base. */
  deleteMergedBranch?: boolean;
  /** Base for "merged" and "unpushed"; default the repository's default branch. */
  base?: string;
  signal?: AbortSignal;
}

export interface RemoveWorktreeResult {
  branch?: string;
  branchDeleted: boolean;
  /** Why the branch was kept when deletion was asked for. */
  branchKept?: string;
  /** The port block the worktree's task held, now free for other tasks. */
  releasedPorts?: PortBlock;
  /** Why the port block could not be given back (the next allocation reclaims it). */
  portsKept?: string;
}

/** Why a removal needs the user's confirmation; thrown before anything is touched. */
export class RemovalNeedsConfirmation extends GitError {
  constructor(
    reason: 'dirty' | 'unpushed',
    message: string,
    readonly dirtyCount: number,
    readonly unpushed: number,
  ) {
    super(reason, message);
  }
}

/**
 * Removes a linked worktree. Refused (`RemovalNeedsConfirmation`) when it has
 * changes or commits that neither the base nor a remote has, unless `force`.
 * Never removes the main worktree.
 */
export async function removeTaskWorktree(
  options: RemoveWorktreeOptions,
): Promise<RemoveWorktreeResult> {
  const { signal } = options;
  const entries = await listWorktrees(options.cwd, signal);
  const entry = entries.find((candidate) => candidate.path === options.path);
  if (!entry) {
    throw new GitError('notAWorktree', `${options.path} is not a worktree of this repository.`);
  }
  if (entry.main) {
    throw new GitError(
      'notAWorktree',
      `${options.path} is the main worktree; it is never removed.`,
    );
  }
  const mainRoot = entries[0]?.path ?? options.cwd;
  const base = options.base ?? (await defaultBranch(mainRoot, signal));
  if (!entry.prunable && !options.force) {
    const status = await worktreeStatus(entry.path, signal);
    const unpushed = base && entry.head ? await unpushedCount(entry.path, base, signal) : 0;
    if (status.dirtyCount > 0) {
      throw new RemovalNeedsConfirmation(
        'dirty',
        `${entry.path} has ${status.dirtyCount} changed or untracked file(s).`,
        status.dirtyCount,
        unpushed,
      );
    }
    if (unpushed > 0) {
      throw new RemovalNeedsConfirmation(
        'unpushed',
        `${entry.path} has ${unpushed} commit(s) that are neither on ${base} nor pushed.`,
        status.dirtyCount,
        unpushed,
      );
    }
  }
  await removeWorktree(mainRoot, entry.path, {
    force: options.force || Boolean(entry.prunable),
    signal,
  });
  const result: RemoveWorktreeResult = { branch: entry.branch, branchDeleted: false };
  try {
    const [released] = await releasePorts(mainRoot, { worktreePath: entry.path });
    result.releasedPorts = released && { start: released.start, size: released.size };
  } catch (error) {
    result.portsKept = error instanceof Error ? error.message : String(error);
  }
  if (options.deleteMergedBranch && entry.branch) {
    if (!base) {
      result.branchKept = 'no base branch to check the merge against';
    } else if (!(await isMergedInto(mainRoot, entry.branch, base, signal))) {
      result.branchKept = `not merged into ${base}`;
    } else {
      await deleteBranch(mainRoot, entry.branch, { force: true, signal });
      result.branchDeleted = true;
    }
  }
  return result;
}
