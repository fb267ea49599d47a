import {
  PRIORITIES,
  type DerivedSummary,
  type Priority,
  type Task,
  type TaskModel,
} from '../../../kernel/model/types';
import type {
  CountByStatus,
  DashboardGuardrail,
  DashboardSummary,
  DashboardTask,
  DashboardViewModel,
  DashboardWorktree,
  OwnerProgress,
  PriorityProgress,
} from '../../../protocol/dashboardModel';
import { deriveGuardrails, withoutUndefined } from './guardrails';
import type { DashboardInputs } from './inputs';
import { TaskLinks, toDashboardTask, type TaskContext } from './taskView';

/** Builds the dashboard's view model from one read of the task file and the optional extra data. */
export function deriveDashboard(inputs: DashboardInputs): DashboardViewModel {
  const loaded = inputs.loaded;
  const model = loaded?.model;
  const graph = loaded?.graph;
  const tasks = model?.tasks ?? [];
  const links = new TaskLinks(inputs.pullRequests, inputs.worktrees);
  const criticalPath = graph?.criticalPath ?? [];
  const context: TaskContext = {
    graph,
    statusOf: (key) => model?.byKey.get(key)?.status,
    criticalPath: new Set(criticalPath),
    inCycle: new Set((graph?.cycles ?? []).flat()),
    links,
  };
  const dashboardTasks = tasks.map((task) => toDashboardTask(task, context));
  const guardrails = deriveGuardrails(model?.guardrails ?? [], inputs.guardrails);
  const worktrees: DashboardWorktree[] = (inputs.worktrees ?? []).map((w) =>
    withoutUndefined({ ...w }),
  );
  return withoutUndefined({
    folderName: inputs.folderName,
    folderUri: inputs.folderUri,
    taskFile: inputs.taskFile,
    lastUpdated: model?.lastUpdated,
    github: inputs.github && withoutUndefined({ ...inputs.github }),
    broken: loaded?.broken ?? false,
    problems: loaded?.diagnostics.filter((d) => d.severity === 'error').length ?? 0,
    summary: summarise(dashboardTasks, loaded?.summary, guardrails, inputs),
    byOwner: progressByOwner(dashboardTasks),
    byPriority: progressByPriority(dashboardTasks),
    tasks: dashboardTasks,
    groups: model ? groupKeys(model) : [],
    criticalPath: [...criticalPath],
    cycles: (graph?.cycles ?? []).map((cycle) => [...cycle]),
    blockerQueue: dashboardTasks
      .filter(
        (t) =>
          t.status !== 'completed' &&
          (t.status === 'blocked' ||
            t.status === 'waiting' ||
            t.blockers.length > 0 ||
            t.inBlockedChain),
      )
      .map((t) => t.key),
    reviewQueue: dashboardTasks
      .filter((t) => t.criticalReview && t.status !== 'completed')
      .map((t) => t.key),
    guardrails,
    worktrees,
    history: (inputs.history ?? []).map((point) => ({ ...point })),
    attention: inputs.attention?.map((item) => ({ ...item })),
  });
}

function groupKeys(model: TaskModel): string[] {
  return model.groups.map((group) => group.key);
}

function summarise(
  tasks: readonly DashboardTask[],
  derived: DerivedSummary | undefined,
  guardrails: readonly DashboardGuardrail[],
  inputs: DashboardInputs,
): DashboardSummary {
  const count = (status: Task['status']) => tasks.filter((t) => t.status === status).length;
  const required = guardrails.filter((g) => g.required);
  const openPrs = inputs.pullRequests?.filter((pr) => pr.state === 'open' || pr.state === 'draft');
  const hoursEstimated = derived?.hoursEstimated ?? sum(tasks.map((t) => t.estimateHours ?? 0));
  const hoursSpent = derived?.hoursSpent ?? sum(tasks.map((t) => t.hoursSpent ?? 0));
  const completed = count('completed');
  return withoutUndefined({
    total: tasks.length,
    notStarted: count('not_started'),
    inProgress: count('in_progress'),
    waiting: count('waiting'),
    completed,
    blocked: count('blocked'),
    ready: tasks.filter((t) => t.displayStatus === 'ready').length,
    completionPercentage:
      derived?.completionPercentage ??
      (tasks.length === 0 ? 0 : Math.round((completed / tasks.length) * 100)),
    hoursEstimated,
    hoursSpent,
    hoursRemaining: derived?.hoursRemaining ?? Math.max(0, hoursEstimated - hoursSpent),
    requiredGuardrails: required.length,
    requiredGuardrailsPassing: required.filter((g) => g.verdict === 'passed').length,
    openPullRequests: openPrs?.length,
    ciFailures: openPrs?.filter((pr) => pr.ci === 'failing').length,
    worktrees: inputs.worktrees?.length,
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function tally(tasks: readonly DashboardTask[]): CountByStatus {
  return {
    total: tasks.length,
    completed: tasks.filter((t) => t.status === 'completed').length,
    inProgress: tasks.filter((t) => t.status === 'in_progress').length,
    waitingOrBlocked: tasks.filter((t) => t.status === 'blocked' || t.status === 'waiting').length,
  };
}

/** One row per owner named anywhere, in order of first appearance; a shared task counts for each. */
function progressByOwner(tasks: readonly DashboardTask[]): OwnerProgress[] {
  const byOwner = new Map<string, DashboardTask[]>();
  for (const task of tasks) {
    const owners = task.owners.length > 0 ? task.owners : ['(unassigned)'];
    for (const owner of owners) {
      const list = byOwner.get(owner) ?? [];
      list.push(task);
      byOwner.set(owner, list);
    }
  }
  return [...byOwner].map(([owner, owned]) => ({ owner, ...tally(owned) }));
}

function progressByPriority(tasks: readonly DashboardTask[]): PriorityProgress[] {
  const levels: (Priority | 'none')[] = [...PRIORITIES, 'none'];
  return levels
    .map((priority) => ({
      priority,
      ...tally(tasks.filter((t) => (t.priority ?? 'none') === priority)),
    }))
    .filter((row) => row.total > 0);
}
