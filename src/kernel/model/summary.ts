import type { ProblemSink } from './problems';
import {
  TASK_STATUSES,
  type DerivedSummary,
  type StoredSummary,
  type TaskGraph,
  type TaskModel,
} from './types';

export function deriveSummary(model: TaskModel, graph: TaskGraph | undefined): DerivedSummary {
  const byStatus = Object.fromEntries(
    TASK_STATUSES.map((status) => [status, 0]),
  ) as DerivedSummary['byStatus'];
  let hoursEstimated = 0;
  let hoursSpent = 0;
  let hoursRemaining = 0;
  for (const task of model.tasks) {
    byStatus[task.status]++;
    const hours = task.estimate?.hours ?? 0;
    hoursEstimated += hours;
    hoursSpent += task.hoursSpent ?? 0;
    if (task.status !== 'completed') {
      hoursRemaining += hours;
    }
  }
  const total = model.tasks.length;
  return {
    total,
    byStatus,
    ready: graph?.ready.size ?? 0,
    completionPercentage: completionPercentage(byStatus.completed, total),
    hoursEstimated: roundHours(hoursEstimated),
    hoursSpent: roundHours(hoursSpent),
    hoursRemaining: roundHours(hoursRemaining),
  };
}

export function completionPercentage(completed: number, total: number): number {
  return total === 0 ? 0 : Math.round((completed / total) * 100);
}

function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** The stored summary's fields with the file's names and the values the tasks give them. */
export function expectedStoredSummary(summary: DerivedSummary): Record<string, number> {
  return {
    total_tasks: summary.total,
    in_progress: summary.byStatus.in_progress,
    completed: summary.byStatus.completed,
    not_started: summary.byStatus.not_started,
    blocked: summary.byStatus.blocked,
    waiting: summary.byStatus.waiting,
    completion_percentage: summary.completionPercentage,
  };
}

/** The file's `summary` field names and the model's names for them. */
export const STORED_SUMMARY_FIELDS: Readonly<Record<string, keyof StoredSummary>> = {
  total_tasks: 'totalTasks',
  in_progress: 'inProgress',
  completed: 'completed',
  not_started: 'notStarted',
  blocked: 'blocked',
  completion_percentage: 'completionPercentage',
};

/** Warns when the file's hand-written `summary` disagrees with the tasks. */
export function reportSummaryDrift(
  stored: StoredSummary | undefined,
  derived: DerivedSummary,
  report: ProblemSink,
): void {
  if (!stored) {
    return;
  }
  const expected = expectedStoredSummary(derived);
  const differences: string[] = [];
  for (const [field, name] of Object.entries(STORED_SUMMARY_FIELDS)) {
    const value = stored[name];
    if (value !== undefined && value !== expected[field]) {
      differences.push(`${field} ${value} (tasks say ${expected[field]})`);
    }
  }
  if (differences.length > 0) {
    report({
      severity: 'warning',
      code: 'summary-drift',
      message: `the stored summary disagrees with the tasks: ${differences.join(', ')}`,
      path: ['summary'],
    });
  }
}
