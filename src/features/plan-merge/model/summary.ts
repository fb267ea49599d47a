import { statusOfRaw } from '../../../kernel/edits/taskEdits';
import { completionPercentage } from '../../../kernel/model/summary';
import { TASK_STATUSES, type TaskStatus } from '../../../kernel/model/types';
import type { PlanEdit } from './planEdits';
import { forEachTask } from './planShape';
import { isRecord } from './values';

/** The edits that make ours' stored `summary` count the merged tasks (only the fields it has). */
export function summaryEdits(ours: unknown, merged: unknown): PlanEdit[] {
  const stored = isRecord(ours) ? ours.summary : undefined;
  if (!isRecord(stored)) {
    return [];
  }
  const counts = Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as Record<
    TaskStatus,
    number
  >;
  let total = 0;
  const counted = forEachTask(merged, (raw) => {
    counts[statusOfRaw(raw)]++;
    total++;
  });
  if (!counted) {
    return [];
  }
  const values: Record<string, number> = {
    total_tasks: total,
    completion_percentage: completionPercentage(counts.completed, total),
    ...counts,
  };
  const edits: PlanEdit[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (field in stored && stored[field] !== value) {
      edits.push({ kind: 'set', path: ['summary', field], value });
    }
  }
  return edits;
}
