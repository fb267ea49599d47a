import { isAbsolute, resolve } from 'node:path';
import type { Task, TaskModel } from '../core/model/types';
import { nestedWorktrees } from '../core/worktrees/porcelain';
import type { WorktreeEntry, WorktreeStatus } from '../core/worktrees/types';
import { defaultBranch } from '../git/refs';
import { aheadBehind, lastCommit, worktreeStatus, type CommitSummary } from '../git/status';
import { listWorktrees } from '../git/worktrees';
import { mapWithLimit } from './concurrency';

export interface WorktreeInfo extends WorktreeEntry {
  /** The worktree whose folder contains this one (a worktree nested in the main checkout). */
  nestedIn?: string;
  /** Key of the task whose branch or recorded worktree path matches. */
  taskKey?: string;
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
export async function listWorktreesWithStatus(cwd: string, options: ListWorktreesOptions = {}): Promise<WorktreeInfo[]> {
  const { signal } = options;
  const entries = await listWorktrees(cwd, signal);
  const mainRoot = entries[0]?.path ?? cwd;
  const base = options.base ?? (await defaultBranch(mainRoot, signal));
  const nested = nestedWorktrees(entries);
  return mapWithLimit(entries, options.concurrency ?? 4, async (entry) => {
    const info: WorktreeInfo = { ...entry };
    const container = nested.get(entry.path);
    if (container) {
      info.nestedIn = container;
    }
    const task = options.model ? linkedTask(entry, options.model, mainRoot) : undefined;
    if (task) {
      info.taskKey = task.key;
    }
    if (entry.bare || entry.prunable) {
      return info;
    }
    try {
      const [status, commit, counts] = await Promise.all([
        worktreeStatus(entry.path, signal),
        lastCommit(entry.path, signal),
        base && entry.head ? aheadBehind(entry.path, base, 'HEAD', signal) : Promise.resolve(undefined),
      ]);
      info.status = status;
      if (commit) {
        info.lastCommit = commit;
      }
      if (counts) {
        info.aheadOfBase = counts.ahead;
        info.behindBase = counts.behind;
      }
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
export function linkedTask(entry: WorktreeEntry, model: TaskModel, mainRoot: string): Task | undefined {
  const byPath = model.tasks.find((task) => task.worktreePath && sameFolder(resolveRecorded(task.worktreePath, mainRoot), entry.path));
  if (byPath) {
    return byPath;
  }
  return entry.branch ? model.tasks.find((task) => task.branch === entry.branch) : undefined;
}

function resolveRecorded(path: string, mainRoot: string): string {
  return isAbsolute(path) ? path : resolve(mainRoot, path);
}

function sameFolder(a: string, b: string): boolean {
  const normalise = (path: string) => resolve(path).replace(/\\/g, '/').replace(/\/+$/, '');
  return normalise(a) === normalise(b);
}
