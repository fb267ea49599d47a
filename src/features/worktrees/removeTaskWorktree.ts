import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import type { GuardrailShortfall } from '../tasks/model/gates';
import { writeBackupRef } from '../../platform/git/backupRefs';
import { GitError } from '../../platform/git/errors';
import { defaultBranch, deleteBranch, isMergedInto } from '../../platform/git/refs';
import { unpushedCount, worktreeStatus } from '../../platform/git/status';
import { listWorktrees, removeWorktree } from '../../platform/git/worktrees';
import { branchMerged } from './mergedWork';
import type { PortBlock } from './model/portBlocks';
import { releasePorts } from './portAllocation';
import { tasksRecordingWorktree } from './forgetPath';
import { linkedTasks } from './list';
import { releaseTaskLock } from './lockFile';
import {
  settleTasks,
  type LinkedTask,
  type TaskAfterRemoval,
  type TaskEffects,
} from './taskAfterRemoval';
import { runTeardown, type TeardownOptions, type TeardownOutcome } from './teardown';

export interface RemoveWorktreeOptions {
  /** Any folder of the repository. */
  cwd: string;
  /** The worktree to remove, as `git worktree list` shows it. */
  path: string;
  /** Remove even with changes, unpushed commits or a failing teardown (after the user confirmed). */
  force?: boolean;
  /** Also delete the worktree's branch when it is merged into the base. */
  deleteMergedBranch?: boolean;
  /** Base for "merged" and "unpushed"; default the repository's default branch. */
  base?: string;
  /**
   * Keep commits that neither the base nor a remote has under `refs/coordinator/backup/<branch>`;
   * such commits then no longer stop the removal.
   */
  backup?: boolean;
  /** Never remove a locked worktree, even when forced (the reaper). */
  keepLocked?: boolean;
  /** The teardown command to run, and wait for, first. */
  teardown?: TeardownOptions;
  /** What to do to the tasks worked in the worktree; without it the task file is left alone. */
  tasks?: TaskEffects;
  /** What a survey just read, so a batch does not ask git again for each worktree. */
  known?: {
    entries: readonly WorktreeEntry[];
    base?: string;
    merged?: boolean;
    /**
     * The worktree was found clean, and its commits on no remote counted, immediately before
     * this removal (the reaper checks each worktree right before removing it): not asked again.
     */
    checkedClean?: { unpushed: number };
  };
  signal?: AbortSignal;
}

export interface RemoveWorktreeResult {
  path: string;
  branch?: string;
  branchDeleted: boolean;
  /** Why the branch was kept when deletion was asked for. */
  branchKept?: string;
  /** Whether the branch's own commits are all in the base. */
  merged: boolean;
  teardown: TeardownOutcome;
  /** The backup ref written for commits on no remote. */
  backupRef?: string;
  /** The port block the worktree's task held, now free for other tasks. */
  releasedPorts?: PortBlock;
  /** Why the port block could not be given back (the next allocation reclaims it). */
  portsKept?: string;
  /** Lock files of the tasks (`.dev/locks/<key>.lock`) that were removed. */
  releasedLocks: string[];
  tasks: TaskAfterRemoval[];
  notes: string[];
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
 * Removes a linked worktree: the one flow behind the editor's Remove Worktree, `coord worktrees
 * remove` and the reaper. Refused (`RemovalNeedsConfirmation`) when it has changes, or commits
 * that neither the base nor a remote has and no backup is asked for, unless `force`. Then the
 * teardown command runs and is waited for (a failure keeps the worktree unless forced), the
 * folder goes, the tasks' lock files are released, and the tasks worked there are settled
 * (see `settleTasks`). Never removes the main worktree.
 */
export async function removeTaskWorktree(
  options: RemoveWorktreeOptions,
): Promise<RemoveWorktreeResult> {
  const { signal } = options;
  const entries = options.known?.entries ?? (await listWorktrees(options.cwd, signal));
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
  if (entry.locked && options.keepLocked) {
    throw new CoordinatorError(
      'worktreeInUse',
      `${entry.path} is locked${entry.locked === true ? '' : ` (${entry.locked})`}; it was kept.`,
    );
  }
  const mainRoot = entries[0]?.path ?? options.cwd;
  const base = options.known
    ? options.known.base
    : (options.base ?? (await defaultBranch(mainRoot, signal)));
  const notes: string[] = [];
  const counted = options.known?.checkedClean;
  const checked = !entry.prunable && (!options.force || options.backup) && !counted;
  const unpushed =
    counted?.unpushed ??
    (checked && base && entry.head ? await unpushedCount(entry.path, base, signal) : 0);
  if (checked && !options.force) {
    const status = await worktreeStatus(entry.path, signal);
    if (status.dirtyCount > 0) {
      throw new RemovalNeedsConfirmation(
        'dirty',
        `${entry.path} has ${status.dirtyCount} changed or untracked file(s).`,
        status.dirtyCount,
        unpushed,
      );
    }
    if (unpushed > 0 && !options.backup) {
      throw new RemovalNeedsConfirmation(
        'unpushed',
        `${entry.path} has ${unpushed} commit(s) that are neither on ${base} nor pushed.`,
        status.dirtyCount,
        unpushed,
      );
    }
  }
  const merged = options.known?.merged ?? (await branchMerged(mainRoot, entry, base, signal));
  const linked = await tasksOf(options.tasks, entry, mainRoot);
  const teardown = entry.prunable
    ? 'none'
    : await runTeardown(options.teardown, entry.path, options.force === true, notes, signal, {
        mainRoot,
        task: linked[0]?.task,
      });
  const guardrails = await guardrailsBeforeRemoval(options.tasks, linked, merged);
  const backupRef =
    options.backup && unpushed > 0 && entry.head
      ? await writeBackupRef(
          mainRoot,
          entry.branch ?? `detached-${entry.head.slice(0, 12)}`,
          entry.head,
          `worktree ${entry.path}`,
          signal,
        )
      : undefined;
  // The changes were counted above, so git need not count them again (`--force` skips its own
  // status walk, which is most of what a removal costs); a lock still stops it unless forced.
  await removeWorktree(mainRoot, entry.path, {
    force: true,
    keepLocked: !options.force || options.keepLocked,
    signal,
  });
  const result: RemoveWorktreeResult = {
    path: entry.path,
    branch: entry.branch,
    branchDeleted: false,
    merged,
    teardown,
    backupRef,
    releasedLocks: [],
    tasks: [],
    notes,
  };
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
  for (const { task } of linked) {
    const released = await releaseTaskLock(mainRoot, task.key);
    if (released) {
      result.releasedLocks.push(released);
    }
  }
  if (options.tasks && linked.length > 0) {
    result.tasks = await settleTasks(
      options.tasks,
      linked,
      entry.branch,
      merged,
      result.branchDeleted,
      guardrails,
    );
  }
  return result;
}

async function tasksOf(
  effects: TaskEffects | undefined,
  entry: WorktreeEntry,
  mainRoot: string,
): Promise<LinkedTask[]> {
  const model = effects ? (await effects.store.read()).model : undefined;
  if (!model) {
    return [];
  }
  const recorded = tasksRecordingWorktree(model, mainRoot, entry.path);
  return linkedTasks(entry, model, mainRoot).map((task) => ({
    task,
    recorded: recorded.find((record) => record.taskKey === task.key),
  }));
}

/** The completion gate reads guardrail results in the worktree, so they are read before it goes. */
async function guardrailsBeforeRemoval(
  effects: TaskEffects | undefined,
  linked: readonly LinkedTask[],
  merged: boolean,
): Promise<Map<string, GuardrailShortfall[]>> {
  const found = new Map<string, GuardrailShortfall[]>();
  if (!effects?.guardrailShortfalls || !merged) {
    return found;
  }
  for (const { task } of linked) {
    if (task.status === 'in_progress') {
      found.set(task.key, await effects.guardrailShortfalls(task));
    }
  }
  return found;
}
