import type { Task, TaskModel } from '../../kernel/model/types';
import { nestedWorktrees } from '../../kernel/git/worktreePorcelain';
import type { WorktreeEntry, WorktreeStatus } from '../../kernel/git/worktreeTypes';
import { defaultBranch } from '../../platform/git/refs';
import {
  aheadBehind,
  commitSummaries,
  worktreeStatus,
  type CommitSummary,
} from '../../platform/git/status';
import { listWorktrees } from '../../platform/git/worktrees';
import { mapWithLimit } from './concurrency';
import { resolveRecordedWorktree, sameFolder } from '../tasks/recordedPath';

export interface WorktreeInfo extends WorktreeEntry {
  /** The worktree whose folder contains this one (a worktree nested in the main checkout). */
  nestedIn?: string;
  /** Key of the task whose branch or recorded worktree path matches (the first of `taskKeys`). */
  taskKey?: string;
  /** Every task worked in this worktree: tasks sharing one branch share its worktree. */
  taskKeys?: string[];
  status?: WorktreeStatus;
  /** Against the base branch (not the upstream: that is in `status`). */
  aheadOfBase?: number;
  behindBase?: number;
  lastCommit?: CommitSummary;
  /** Why status could not be read for this entry (e.g. its folder is gone); other entries are unaffected. */
  statusError?: string;
}

export interface ListWorktreesOptions {
  /** Base for ahead/behind; default the repository's default branch. */
  base?: string;
  /** Links worktrees to tasks when given. */
  model?: TaskModel;
  /** Parallel git calls; default 4. */
  concurrency?: number;
  signal?: AbortSignal;
}

/**
 * Every worktree of the repository with its status: dirty count, ahead/behind
 * the upstream and the base, last commit, linked task. Entries whose folder is
 * gone keep their `prunable` flag and get a `statusError` instead of a status.
 */
export async function listWorktreesWithStatus(
  cwd: string,
  options: ListWorktreesOptions = {},
): Promise<WorktreeInfo[]> {
  const { signal } = options;
  const entries = await listWorktrees(cwd, signal);
  const mainRoot = entries[0]?.path ?? cwd;
  const base = options.base ?? (await defaultBranch(mainRoot, signal));
  const nested = nestedWorktrees(entries);
  const limit = options.concurrency ?? 4;
  const live = entries.filter((entry) => !entry.bare && !entry.prunable);
  // One `log` for every head and one `rev-list` per distinct head, instead of two calls per worktree.
  const heads = [
    ...new Set(live.map((entry) => entry.head).filter((head): head is string => Boolean(head))),
  ];
  const [commits, counts] = await Promise.all([
    commitSummaries(mainRoot, heads, signal),
    base
      ? mapWithLimit(
          heads,
          limit,
          async (head) => [head, await aheadBehind(mainRoot, base, head, signal)] as const,
        ).then((pairs) => new Map(pairs))
      : Promise.resolve(new Map<string, { ahead: number; behind: number }>()),
  ]);
  return mapWithLimit(entries, limit, async (entry) => {
    const info: WorktreeInfo = { ...entry };
    const container = nested.get(entry.path);
    if (container) {
      info.nestedIn = container;
    }
    const tasks = options.model ? linkedTasks(entry, options.model, mainRoot) : [];
    if (tasks.length > 0) {
      info.taskKey = tasks[0].key;
      info.taskKeys = tasks.map((task) => task.key);
    }
    if (entry.bare || entry.prunable) {
      return info;
    }
    const commit = entry.head ? commits.get(entry.head) : undefined;
    if (commit) {
      info.lastCommit = commit;
    }
    const count = entry.head ? counts.get(entry.head) : undefined;
    if (count) {
      info.aheadOfBase = count.ahead;
      info.behindBase = count.behind;
    }
    try {
      info.status = await worktreeStatus(entry.path, signal);
    } catch (error) {
      if (signal?.aborted) {
        throw error;
      }
      info.statusError = error instanceof Error ? error.message : String(error);
    }
    return info;
  });
}

/** The task a worktree belongs to: by recorded worktree path, else by branch. */
export function linkedTask(
  entry: WorktreeEntry,
  model: TaskModel,
  mainRoot: string,
): Task | undefined {
  return linkedTasks(entry, model, mainRoot)[0];
}

/**
 * Every task worked in a worktree: those recording its path first, then those on its branch (two
 * tasks may share one branch, and so one worktree), each once, in file order within each kind.
 */
export function linkedTasks(entry: WorktreeEntry, model: TaskModel, mainRoot: string): Task[] {
  const byPath = model.tasks.filter(
    (task) =>
      task.worktreePath &&
      sameFolder(resolveRecordedWorktree(task.worktreePath, mainRoot), entry.path),
  );
  const byBranch = entry.branch
    ? model.tasks.filter((task) => task.branch === entry.branch && !byPath.includes(task))
    : [];
  return [...byPath, ...byBranch];
}
