import type { Task, TaskGraph } from '../../../kernel/model/types';
import { displayStatusOf, isBlocked } from './displayStatus';

export interface TaskFilters {
  ready: boolean;
  mine: boolean;
  blocked: boolean;
  hideCompleted: boolean;
}

export const TASK_FILTER_NAMES = [
  'ready',
  'mine',
  'blocked',
  'hideCompleted',
] as const satisfies readonly (keyof TaskFilters)[];

export const NO_FILTERS: Readonly<TaskFilters> = {
  ready: false,
  mine: false,
  blocked: false,
  hideCompleted: false,
};

export function hasActiveFilter(filters: TaskFilters): boolean {
  return TASK_FILTER_NAMES.some((name) => filters[name]);
}

/** True when one of the task's owners is `me` (case-insensitive); an empty `me` matches nothing. */
export function isOwnedBy(task: Task, me: string): boolean {
  const wanted = me.trim().toLowerCase();
  if (wanted === '') {
    return false;
  }
  return task.owners.some((owner) => owner.trim().toLowerCase() === wanted);
}

export interface FilterContext {
  graph: TaskGraph | undefined;
  byKey: ReadonlyMap<string, Task>;
  me: string;
}

/** Every active filter must hold (they narrow together). */
export function matchesFilters(task: Task, filters: TaskFilters, context: FilterContext): boolean {
  if (filters.hideCompleted && task.status === 'completed') {
    return false;
  }
  if (filters.ready && displayStatusOf(task, context.graph) !== 'ready') {
    return false;
  }
  if (filters.blocked && !isBlocked(task, context.graph, context.byKey)) {
    return false;
  }
  if (filters.mine && !isOwnedBy(task, context.me)) {
    return false;
  }
  return true;
}
