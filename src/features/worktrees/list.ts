import type { Task, TaskModel } from '../../kernel/model/types';
import type { WorktreeEntry, WorktreeStatus } from '../../kernel/git/worktreeTypes';
import type { CommitSummary } from '../../platform/git/status';
import type { ShownAgentState } from '../agents/model/agentState';
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
  /**
   * Newest sign of work, in seconds since the epoch: the last commit, a write of the index, a file
   * added, removed or renamed in a tracked folder, or the agent's last report.
   */
  lastActivity?: number;
  /** What the agent working on the linked task last reported (from the local state folder). */
  agent?: WorktreeAgent;
  /** Disk taken by the worktree's folder, as last measured (see `measureWorktreeDiskUsage`). */
  diskUsage?: WorktreeDiskUsage;
  /** True when the change counts were taken from the cache: nothing they depend on had changed. */
  statusCached?: boolean;
  /** Why status could not be read for this entry (e.g. its folder is gone); other entries are unaffected. */
  statusError?: string;
}

export interface WorktreeAgent {
  task: string;
  state: ShownAgentState;
  agent: string;
  /** ISO time of the report. */
  at: string;
  message?: string;
}

export interface WorktreeDiskUsage {
  bytes: number;
  /** ms since the epoch. */
  measuredAt: number;
}

export interface ListWorktreesOptions {
  /** Base for ahead/behind; default the repository's default branch. */
  base?: string;
  /** Links worktrees to tasks (and so to agent states) when given. */
  model?: TaskModel;
  /** Git processes at once; default 4. */
  concurrency?: number;
  /** False: neither read nor write the cache in the local state folder. Default true. */
  cache?: boolean;
  /** Ask git for every worktree's changes even where the cache says nothing changed. */
  fresh?: boolean;
  /**
   * Cached change counts older than this are read again (default 5 minutes): a file written in
   * place, without a rename, moves no folder or index time, so only age catches it.
   */
  maxAgeMs?: number;
  /** Worktree paths whose cached change counts are not trusted (a file there was saved in place). */
  recheck?: Iterable<string>;
  /** Called with each row as soon as it is complete, before the whole list resolves. */
  onRow?: (info: WorktreeInfo, index: number) => void;
  signal?: AbortSignal;
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
