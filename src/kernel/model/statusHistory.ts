import { normaliseStatus } from './statuses';
import type { TaskStatus } from './types';

/**
 * One change of a task's status, kept on the task in its `status_history` list whenever a host
 * changes the status, so start, pause and completion times are facts of the plan.
 */
export interface StatusChange {
  status: TaskStatus;
  /** The status before, when there was one. */
  from?: TaskStatus;
  /** ISO time. */
  at: string;
  by?: string;
  host?: string;
}

/** The task's recorded status changes, oldest first; entries that are not changes are skipped. */
export function readStatusHistory(task: Record<string, unknown>): StatusChange[] {
  const list = Array.isArray(task.status_history) ? (task.status_history as unknown[]) : [];
  const changes: StatusChange[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      continue;
    }
    const record = entry as Record<string, unknown>;
    const status = typeof record.status === 'string' ? normaliseStatus(record.status) : undefined;
    if (!status || typeof record.at !== 'string' || Number.isNaN(Date.parse(record.at))) {
      continue;
    }
    const change: StatusChange = { status, at: record.at };
    const from = typeof record.from === 'string' ? normaliseStatus(record.from) : undefined;
    if (from) {
      change.from = from;
    }
    if (typeof record.by === 'string') {
      change.by = record.by;
    }
    if (typeof record.host === 'string') {
      change.host = record.host;
    }
    changes.push(change);
  }
  return changes.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
