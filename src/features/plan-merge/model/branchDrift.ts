import type { BranchRef } from '../../../kernel/git/branchRefs';
import type { Task, TaskModel, TaskStatus } from '../../../kernel/model/types';
import { STATUS_PROGRESS_ORDER } from './rules';

/** One branch's copy of the plan (undefined when the branch has no readable task file). */
export interface BranchPlan {
  branch: BranchRef;
  model: TaskModel | undefined;
}

/** A task further along on a branch than in the canonical plan. */
export interface TaskOnBranch {
  taskKey: string;
  branch: string;
  remote: boolean;
  /** A local branch checked out in some worktree. */
  checkedOut: boolean;
  status: TaskStatus;
  completedSteps?: number;
  totalSteps?: number;
  /** In words: `completed on feat/x, not merged`. */
  summary: string;
}

export interface BranchDrift {
  /** Per canonical task key, the branches where it is further along. */
  byTask: Map<string, TaskOnBranch[]>;
  /** Tasks that exist only on branches. */
  onlyOnBranches: TaskOnBranch[];
  branchesRead: number;
}

const rank = (status: TaskStatus) => (STATUS_PROGRESS_ORDER as readonly string[]).indexOf(status);
const STATUS_WORDS: Record<TaskStatus, string> = {
  not_started: 'not started',
  waiting: 'waiting',
  blocked: 'blocked',
  in_progress: 'in progress',
  completed: 'completed',
};

/**
 * Where branches' copies of the plan are ahead of the canonical plan: a further status, or more
 * steps done at the same status. A branch behind the plan (an old one) says nothing.
 */
export function branchDrift(canonical: TaskModel, branches: readonly BranchPlan[]): BranchDrift {
  const byTask = new Map<string, TaskOnBranch[]>();
  const onlyOnBranches: TaskOnBranch[] = [];
  const seenNew = new Set<string>();
  for (const { branch, model } of branches) {
    for (const task of model?.tasks ?? []) {
      const here = canonical.byKey.get(task.key);
      if (!here) {
        if (!seenNew.has(task.key)) {
          seenNew.add(task.key);
          onlyOnBranches.push(
            onBranch(task, branch, `only on ${branch.name} (${STATUS_WORDS[task.status]})`),
          );
        }
        continue;
      }
      const summary = aheadSummary(here, task, branch);
      if (summary) {
        const list = byTask.get(task.key) ?? [];
        list.push(onBranch(task, branch, summary));
        byTask.set(task.key, list);
      }
    }
  }
  return { byTask, onlyOnBranches, branchesRead: branches.length };
}

function aheadSummary(here: Task, there: Task, branch: BranchRef): string | undefined {
  const name = branch.name;
  if (rank(there.status) > rank(here.status)) {
    if (there.status === 'completed') {
      return `completed on ${name}, not merged`;
    }
    const unattended =
      !branch.remote && !branch.worktreePath ? ', a branch nobody has checked out' : '';
    return `${STATUS_WORDS[there.status]} on ${name}${unattended}`;
  }
  const done = (task: Task) => task.progress?.completedSteps ?? 0;
  if (there.status === here.status && done(there) > done(here)) {
    return `${done(there)}/${there.progress?.totalSteps ?? '?'} steps on ${name}`;
  }
  return undefined;
}

function onBranch(task: Task, branch: BranchRef, summary: string): TaskOnBranch {
  return {
    taskKey: task.key,
    branch: branch.name,
    remote: branch.remote,
    checkedOut: branch.worktreePath !== undefined,
    status: task.status,
    ...(task.progress
      ? { completedSteps: task.progress.completedSteps, totalSteps: task.progress.totalSteps }
      : {}),
    summary,
  };
}

/** One line for a task's description or tooltip: `completed on feat/x, not merged; +1 branch`. */
export function driftLine(onBranches: readonly TaskOnBranch[]): string {
  const [first, ...rest] = onBranches;
  if (!first) {
    return '';
  }
  return rest.length > 0
    ? `${first.summary}; +${rest.length} ${rest.length === 1 ? 'branch' : 'branches'}`
    : first.summary;
}
