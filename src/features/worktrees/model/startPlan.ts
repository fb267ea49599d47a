import type { Task } from '../../../kernel/model/types';
import { taskBranchName, taskWorktreePath } from './naming/taskNames';
import { isPathInside } from '../../../kernel/git/worktreePorcelain';
import type { WorktreeEntry } from '../../../kernel/git/worktreeTypes';

export interface StartPlanInput {
  task: Task;
  /** Absolute (real) path of the main worktree. */
  mainRoot: string;
  worktrees: readonly WorktreeEntry[];
  branchTemplate?: string;
  pathTemplate?: string;
}

export type StartPlan =
  /** The task already has a worktree: open it instead of making another. */
  | { kind: 'existing'; branch: string; path: string; worktree: WorktreeEntry }
  /** A new worktree at `path` (which must not exist on disk: checked by the caller). */
  | { kind: 'create'; branch: string; path: string }
  | { kind: 'refused'; branch: string; path: string; message: string };

/** Decides branch and folder for a task and whether a worktree for it already exists. */
export function planTaskStart(input: StartPlanInput): StartPlan {
  const { task, worktrees } = input;
  const branch = taskBranchName(task, input.branchTemplate);
  const onBranch = worktrees.find((entry) => entry.branch === branch && !entry.bare);
  if (onBranch) {
    return { kind: 'existing', branch, path: onBranch.path, worktree: onBranch };
  }
  const path = taskWorktreePath(task, { mainRoot: input.mainRoot, branch }, input.pathTemplate);
  const atPath = worktrees.find((entry) => samePath(entry.path, path));
  if (atPath) {
    const what = atPath.branch
      ? `branch ${atPath.branch}`
      : atPath.detached
        ? 'a detached HEAD'
        : 'no branch';
    return {
      kind: 'refused',
      branch,
      path,
      message: `${path} is already a worktree, on ${what}, not on ${branch}. Remove it or change coordinator.worktrees.pathTemplate.`,
    };
  }
  if (isPathInside(input.mainRoot, path)) {
    return {
      kind: 'refused',
      branch,
      path,
      message: `${path} contains the main worktree; choose a path template that points elsewhere.`,
    };
  }
  return { kind: 'create', branch, path };
}

function samePath(a: string, b: string): boolean {
  const normalise = (path: string) => path.replace(/\\/g, '/').replace(/\/+$/, '');
  return normalise(a) === normalise(b);
}
