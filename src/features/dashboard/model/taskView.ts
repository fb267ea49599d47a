import type { DependencyRef, DisplayStatus, Task, TaskGraph } from '../../../kernel/model/types';
import type {
  DashboardDependency,
  DashboardPullRequest,
  DashboardTask,
  DashboardWorktree,
} from '../../../protocol/dashboardModel';
import { withoutUndefined } from './guardrails';
import type { BranchPlanInput, PullRequestInput, WorktreeInput } from './inputs';

export function displayStatusOf(task: Task, graph: TaskGraph | undefined): DisplayStatus {
  return task.status === 'not_started' && graph?.ready.has(task.key) ? 'ready' : task.status;
}

/** Finds each task's pull request and worktree among the inputs. */
export class TaskLinks {
  private readonly prByTask = new Map<string, PullRequestInput>();
  private readonly prByBranch = new Map<string, PullRequestInput>();
  private readonly prByNumber = new Map<number, PullRequestInput>();
  private readonly worktreeByTask = new Map<string, WorktreeInput>();
  private readonly worktreeByBranch = new Map<string, WorktreeInput>();
  private readonly branchPlansByTask = new Map<string, string[]>();

  constructor(
    pullRequests: readonly PullRequestInput[] = [],
    worktrees: readonly WorktreeInput[] = [],
    branchPlans: readonly BranchPlanInput[] = [],
  ) {
    for (const { taskKey, summary } of branchPlans) {
      this.branchPlansByTask.set(taskKey, [
        ...(this.branchPlansByTask.get(taskKey) ?? []),
        summary,
      ]);
    }
    for (const pr of pullRequests) {
      if (pr.taskKey) {
        this.prByTask.set(pr.taskKey, pr);
      }
      if (pr.branch) {
        this.prByBranch.set(pr.branch, pr);
      }
      this.prByNumber.set(pr.number, pr);
    }
    for (const worktree of worktrees) {
      if (worktree.taskKey) {
        this.worktreeByTask.set(worktree.taskKey, worktree);
      }
      if (worktree.branch) {
        this.worktreeByBranch.set(worktree.branch, worktree);
      }
    }
  }

  pullRequestFor(task: Task): DashboardPullRequest | undefined {
    const pr =
      this.prByTask.get(task.key) ??
      (task.branch ? this.prByBranch.get(task.branch) : undefined) ??
      (task.prNumber !== undefined ? this.prByNumber.get(task.prNumber) : undefined);
    return pr && withoutUndefined({ number: pr.number, state: pr.state, ci: pr.ci, url: pr.url });
  }

  onBranchesFor(task: Task): string[] | undefined {
    return this.branchPlansByTask.get(task.key);
  }

  worktreeFor(task: Task): DashboardWorktree | undefined {
    const worktree =
      this.worktreeByTask.get(task.key) ??
      (task.branch ? this.worktreeByBranch.get(task.branch) : undefined);
    return worktree && withoutUndefined({ ...worktree, taskKey: task.key });
  }
}

export interface TaskContext {
  graph: TaskGraph | undefined;
  statusOf: (key: string) => Task['status'] | undefined;
  criticalPath: ReadonlySet<string>;
  inCycle: ReadonlySet<string>;
  links: TaskLinks;
}

function dependenciesOf(task: Task, context: TaskContext): DashboardDependency[] {
  const refs: readonly DependencyRef[] =
    context.graph?.dependencies.get(task.key) ?? task.dependencies.map((name) => ({ name }));
  return refs.map((ref) =>
    withoutUndefined({
      name: ref.name,
      taskKey: ref.taskKey,
      done: ref.taskKey !== undefined && context.statusOf(ref.taskKey) === 'completed',
    }),
  );
}

export function toDashboardTask(task: Task, context: TaskContext): DashboardTask {
  const dependencies = dependenciesOf(task, context);
  const unfinished = task.status !== 'completed';
  const waitsOnTask = dependencies.some((dep) => dep.taskKey !== undefined && !dep.done);
  return withoutUndefined({
    key: task.key,
    id: task.id,
    name: task.name,
    group: task.group,
    index: task.index,
    owner: task.owner,
    owners: [...task.owners],
    status: task.status,
    displayStatus: displayStatusOf(task, context.graph),
    priority: task.priority,
    estimateHours: task.estimate?.hours,
    hoursSpent: task.hoursSpent,
    branch: task.branch,
    prNumber: task.prNumber,
    criticalReview: task.criticalReview,
    progressPercentage: task.progress?.percentage,
    dependencies,
    dependents: [...(context.graph?.dependents.get(task.key) ?? [])],
    blockers: [...task.blockers],
    acceptance: task.acceptance.length > 0 ? [...task.acceptance] : undefined,
    checklist: task.checklist.length > 0 ? [...task.checklist] : undefined,
    prNumbers: task.prNumbers.length > 1 ? [...task.prNumbers] : undefined,
    onCriticalPath: context.criticalPath.has(task.key),
    inBlockedChain: unfinished && (task.status === 'blocked' || waitsOnTask),
    inCycle: context.inCycle.has(task.key),
    pullRequest: context.links.pullRequestFor(task),
    worktree: context.links.worktreeFor(task),
    onBranches: context.links.onBranchesFor(task),
  });
}
