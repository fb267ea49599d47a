import { loadDetailsOf } from './loadDetails';
import { TASK_STATUSES, type LoadedTaskFile, type TaskStatus } from './types';

/** A span of the text: from `start` to one past `end`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What a previous read knows of exactly this text, which spares an edit its walk of the whole
 * text: where each task object is, every task's status, and where the stored summary's values and
 * `last_updated` are.
 */
export interface KnownPlan {
  /** The task object of `key`; undefined when another key, an id or an unusual shape names it. */
  taskSpan(key: string): Span | undefined;
  /** The status the reader gives the task of `key` (of `taskSpan`). */
  statusOf(key: string): TaskStatus;
  total: number;
  counts: Readonly<Record<TaskStatus, number>>;
  /** Each plain value of the stored `summary` object; undefined when there is no such object. */
  summaryFields?: readonly (Span & { field: string })[];
  /** The value of `last_updated`, when it is a plain value. */
  lastUpdated?: Span;
}

/** What `loaded` knows of its text, when its shape allows edits to rely on it. */
export function knownPlanOf(loaded: LoadedTaskFile): KnownPlan | undefined {
  const details = loadDetailsOf(loaded);
  const model = loaded.model;
  if (
    !details?.positions ||
    !model ||
    !loaded.summary ||
    loaded.broken ||
    model.layout !== 'map' ||
    loaded.diagnostics.some((d) => d.code === 'duplicate-key')
  ) {
    return undefined;
  }
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const status of TASK_STATUSES) {
    counts[status] = loaded.summary.byStatus[status];
  }
  const taskOf = (key: string) => {
    const task = model.byKey.get(key);
    const path = task?.jsonPath;
    const named = path === undefined || (path[0] === 'tasks' && path[path.length - 1] === key);
    return task?.range && named ? task : undefined;
  };
  return {
    taskSpan(key) {
      const range = taskOf(key)?.range;
      return range && { start: range.offset, end: range.offset + range.length };
    },
    statusOf: (key) => taskOf(key)?.status ?? 'not_started',
    total: model.tasks.length,
    counts,
    summaryFields: details.positions.summaryFields,
    lastUpdated: details.positions.lastUpdated,
  };
}
