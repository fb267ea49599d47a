import { readStatusHistory } from '../../../kernel/model/statusHistory';
import type { Task, TaskStatus } from '../../../kernel/model/types';

/** How a task's working time was found. */
export type TimeSource =
  /** Its recorded status changes: time in progress, pauses left out. */
  | 'history'
  /** Only `started_at`: from then to completion or now, pauses unknown. */
  | 'startedAt'
  /** `hours_spent` as written by hand. */
  | 'hoursSpent'
  | 'none';

export interface TaskTimes {
  startedAt?: string;
  completedAt?: string;
  /** Time in progress, less the time blocked or waiting; undefined when unknown. */
  actualMs?: number;
  /** Time blocked or waiting after work started. */
  pausedMs: number;
  /** Number of times work stopped (blocked or waiting) after it started. */
  pauses: number;
  source: TimeSource;
}

const PAUSED: ReadonlySet<TaskStatus> = new Set(['blocked', 'waiting']);

/**
 * Start, pause and completion times of a task from its `status_history`, and the time actually
 * worked: in progress, minus blocked and waiting. A task without history falls back on
 * `started_at`, then on `hours_spent`.
 */
export function taskTimes(task: Task, now: Date): TaskTimes {
  const history = readStatusHistory(task.raw);
  const start = history.find((change) => change.status === 'in_progress');
  if (start) {
    return fromHistory(history, task.status, now);
  }
  const completedAt =
    [...history].reverse().find((change) => change.status === 'completed')?.at ??
    (typeof task.raw.completed_at === 'string' ? task.raw.completed_at : undefined);
  if (task.startedAt && !Number.isNaN(Date.parse(task.startedAt))) {
    const end =
      task.status === 'completed' && completedAt ? Date.parse(completedAt) : now.getTime();
    const measurable =
      task.status === 'in_progress' || (task.status === 'completed' && completedAt);
    return {
      startedAt: task.startedAt,
      completedAt: task.status === 'completed' ? completedAt : undefined,
      actualMs: measurable ? Math.max(0, end - Date.parse(task.startedAt)) : undefined,
      pausedMs: 0,
      pauses: 0,
      source: measurable ? 'startedAt' : 'none',
    };
  }
  if (task.hoursSpent !== undefined) {
    return {
      completedAt,
      actualMs: task.hoursSpent * 3_600_000,
      pausedMs: 0,
      pauses: 0,
      source: 'hoursSpent',
    };
  }
  return { completedAt, pausedMs: 0, pauses: 0, source: 'none' };
}

function fromHistory(
  history: ReturnType<typeof readStatusHistory>,
  current: TaskStatus,
  now: Date,
): TaskTimes {
  let startedAt: string | undefined;
  let completedAt: string | undefined;
  let workedMs = 0;
  let pausedMs = 0;
  let pauses = 0;
  history.forEach((change, index) => {
    const from = Date.parse(change.at);
    const next = history[index + 1];
    // The last recorded status lasts until now, unless the file says the task moved on since.
    const open = next === undefined && change.status === current;
    const to = next ? Date.parse(next.at) : open ? now.getTime() : from;
    const span = Math.max(0, to - from);
    if (change.status === 'in_progress') {
      startedAt ??= change.at;
      workedMs += span;
    } else if (PAUSED.has(change.status) && startedAt !== undefined) {
      pausedMs += span;
      pauses += 1;
    }
    completedAt = change.status === 'completed' ? change.at : undefined;
  });
  return {
    startedAt,
    completedAt: current === 'completed' ? completedAt : undefined,
    actualMs: workedMs,
    pausedMs,
    pauses,
    source: 'history',
  };
}
