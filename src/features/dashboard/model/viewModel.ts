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
import { SETTINGS } from '../../../kernel/config/settingsTable';
import {
  successCriteria,
  type OwnerMetrics,
  type TaskMetrics,
} from '../../metrics/model/successCriteria';
import { criteriaOverTime } from '../../metrics/model/criteriaOverTime';
import { deriveGuardrails, withoutUndefined } from './guardrails';
import type { DashboardInputs } from './inputs';
import { TaskLinks, toDashboardTask, type TaskContext } from './taskView';

/** Builds the dashboard's view model from one read of the task file and the optional extra data. */
export function deriveDashboard(inputs: DashboardInputs): DashboardViewModel {
  const loaded = inputs.loaded;
  const model = loaded?.model;
  const graph = loaded?.graph;
  const tasks = model?.tasks ?? [];
  const links = new TaskLinks(inputs.pullRequests, inputs.worktrees, inputs.branchPlans);
  const criticalPath = graph?.criticalPath ?? [];
  const context: TaskContext = {
    graph,
    statusOf: (key) => model?.byKey.get(key)?.status,
    criticalPath: new Set(criticalPath),
    inCycle: new Set((graph?.cycles ?? []).flat()),
    links,
  };
  const now = inputs.now ?? new Date();
  const slaHours = inputs.reviewSlaHours ?? SETTINGS['reviews.slaHours'].default;
  const measured = successCriteria({
    tasks,
    guardrails: model?.guardrails ?? [],
    now,
    snapshotTimes: inputs.history?.map((point) => point.date),
    conflicts: inputs.conflictingPairs,
    slaHours,
  });
  const overTime = criteriaOverTime({
    tasks: measured.tasks,
    reviews: measured.reviews,
    snapshots: inputs.history,
    slaMs: slaHours * 3_600_000,
    now,
  });
  const measuredByKey = new Map(measured.tasks.map((m) => [m.taskKey, m]));
  const overdue = new Set(
    (inputs.awaitedReviews ?? []).filter((r) => r.overdue).map((r) => r.taskKey),
  );
  const awaited = new Set((inputs.awaitedReviews ?? []).map((r) => r.taskKey));
  const dashboardTasks = tasks.map((task) =>
    withMeasures(toDashboardTask(task, context), measuredByKey.get(task.key), overdue),
  );
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
    byOwner: progressByOwner(dashboardTasks, measured.owners),
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
      .filter((t) => (t.criticalReview || awaited.has(t.key)) && t.status !== 'completed')
      .map((t) => t.key),
    overdueReviews: dashboardTasks.filter((t) => overdue.has(t.key)).map((t) => t.key),
    successCriteria: measured.criteria.map((criterion) => withoutUndefined({ ...criterion })),
    successOverTime: overTime.map((period) => ({ ...period })),
    guardrails,
    worktrees,
    history: (inputs.history ?? []).map((point) => ({ ...point })),
    attention: inputs.attention?.map((item) => ({ ...item })),
    conflicts: inputs.conflicts && structuredClone(inputs.conflicts),
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

function withMeasures(
  task: DashboardTask,
  measured: TaskMetrics | undefined,
  overdue: ReadonlySet<string>,
): DashboardTask {
  const actualMs = measured?.times.actualMs;
  return withoutUndefined({
    ...task,
    actualHours: actualMs !== undefined ? Math.round(actualMs / 36_000) / 100 : undefined,
    outsideEstimate: measured?.withinEstimate === false ? true : undefined,
    reviewOverdue: overdue.has(task.key) ? true : undefined,
  });
}

/** One row per owner named anywhere, in order of first appearance; a shared task counts for each. */
function progressByOwner(
  tasks: readonly DashboardTask[],
  measures: readonly OwnerMetrics[],
): OwnerProgress[] {
  const measuredOwner = new Map(measures.map((m) => [m.owner, m]));
  const byOwner = new Map<string, DashboardTask[]>();
  for (const task of tasks) {
    const owners = task.owners.length > 0 ? task.owners : ['(unassigned)'];
    for (const owner of owners) {
      const list = byOwner.get(owner) ?? [];
      list.push(task);
      byOwner.set(owner, list);
    }
  }
  return [...byOwner].map(([owner, owned]) => {
    const m = measuredOwner.get(owner);
    return withoutUndefined({
      owner,
      ...tally(owned),
      actualHours: m && m.actualHours > 0 ? Math.round(m.actualHours * 100) / 100 : undefined,
      outsideEstimate: m && m.judged > 0 ? m.outside : undefined,
    });
  });
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
