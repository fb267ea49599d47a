import { nextTasks } from '../../../kernel/model/next';
import { readStatusHistory } from '../../../kernel/model/statusHistory';
import type { Task, TaskGraph, TaskModel } from '../../../kernel/model/types';
import { recordedVerdict } from '../../guardrails/model/recorded';
import type { SnapshotReview, SnapshotRisks } from './types';

/** A task in progress with no recorded change for this long is stale. */
export const STALE_DAYS = 3;
const MAX_NEXT_ACTIONS = 10;
const DAY_MS = 86_400_000;

/** What could sink the plan: required guardrails not passing, overdue reviews, stale tasks. */
export function snapshotRisks(
  model: TaskModel,
  reviews: readonly SnapshotReview[],
  now: Date,
): SnapshotRisks {
  return {
    failingGuardrails: model.guardrails
      .filter((guardrail) => guardrail.required && recordedVerdict(guardrail.status) !== 'pass')
      .map((guardrail) => ({ key: guardrail.key, status: guardrail.status ?? 'not_run' })),
    overdueReviews: reviews.filter((review) => review.overdue),
    staleTasks: model.tasks.flatMap((task) => {
      const last = lastActivity(task);
      const idleDays = last === undefined ? undefined : Math.floor((now.getTime() - last) / DAY_MS);
      return task.status === 'in_progress' && idleDays !== undefined && idleDays >= STALE_DAYS
        ? [{ key: task.key, name: task.name, owner: task.owner, idleDays }]
        : [];
    }),
  };
}

/** The next things to do, most pressing first: fix, review, unblock, chase, start. */
export function nextActions(
  model: TaskModel,
  graph: TaskGraph | undefined,
  risks: SnapshotRisks,
): string[] {
  const actions: string[] = [];
  for (const guardrail of risks.failingGuardrails) {
    actions.push(`Make guardrail ${guardrail.key} pass (now ${guardrail.status}).`);
  }
  for (const review of risks.overdueReviews) {
    actions.push(`${review.reviewer}: review ${review.taskKey} (overdue).`);
  }
  for (const task of model.tasks.filter((t) => t.status === 'blocked')) {
    const why = task.blockers.length > 0 ? `: ${task.blockers.join('; ')}` : '';
    actions.push(`Unblock ${task.key}${why}.`);
  }
  for (const stale of risks.staleTasks) {
    actions.push(
      `Check on ${stale.key} (${stale.owner || 'no owner'}): no change for ${stale.idleDays} days.`,
    );
  }
  if (graph) {
    for (const task of nextTasks(model, graph).slice(0, 3)) {
      const priority = task.priority ? `, ${task.priority}` : '';
      actions.push(`Start ${task.key} (${task.owner || 'no owner'}${priority}).`);
    }
  }
  return actions.slice(0, MAX_NEXT_ACTIONS);
}

function lastActivity(task: Task): number | undefined {
  const times = [
    ...readStatusHistory(task.raw).map((change) => change.at),
    ...(task.startedAt ? [task.startedAt] : []),
  ]
    .map((at) => Date.parse(at))
    .filter((ms) => !Number.isNaN(ms));
  return times.length > 0 ? Math.max(...times) : undefined;
}
