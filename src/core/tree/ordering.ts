import { PRIORITIES, type Task } from '../model/types';

export const SORT_BY_VALUES = ['file', 'priority'] as const;
export type SortBy = (typeof SORT_BY_VALUES)[number];

export function priorityRank(task: Task): number {
  return task.priority === undefined ? PRIORITIES.length : PRIORITIES.indexOf(task.priority);
}

/** File order, or priority (critical first) with file order breaking ties. Returns a new array. */
export function sortTasks(tasks: readonly Task[], sortBy: SortBy): Task[] {
  const sorted = [...tasks];
  if (sortBy === 'priority') {
    sorted.sort((a, b) => priorityRank(a) - priorityRank(b) || a.index - b.index);
  } else {
    sorted.sort((a, b) => a.index - b.index);
  }
  return sorted;
}
