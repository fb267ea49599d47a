import type { Task, TaskGraph, TaskModel } from '../../../kernel/model/types';
import { isBlocked } from './displayStatus';
import { hasActiveFilter, matchesFilters, type TaskFilters } from './filters';
import { groupTasks, type GroupBy } from './grouping';
import { sortTasks, type SortBy } from './ordering';
import { groupDescription } from './text';

export interface TaskTreeOptions {
  groupBy: GroupBy;
  sortBy: SortBy;
  filters: TaskFilters;
  /** The `coordinator.me` setting, for the "mine" filter. */
  me: string;
}

/**
 * A group row with the tasks it shows (filtered and ordered). Its description counts what the
 * grouping leaves open: `done/total` for groups, owners, priorities and phases; the number of
 * tasks for a status, where every task has the same one.
 */
export interface TaskGroupRow {
  key: string;
  label: string;
  description: string;
  tooltip: string;
  tasks: Task[];
}

/**
 * The rows under the root. Empty groups are kept when grouping by the file's own groups without
 * a filter (the file declares them), and dropped otherwise.
 */
export function buildTaskGroups(
  model: TaskModel,
  graph: TaskGraph | undefined,
  options: TaskTreeOptions,
): TaskGroupRow[] {
  const filtering = hasActiveFilter(options.filters);
  const context = { graph, byKey: model.byKey, me: options.me };
  const rows: TaskGroupRow[] = [];
  for (const bucket of groupTasks(model, graph, options.groupBy)) {
    const shown = filtering
      ? bucket.tasks.filter((task) => matchesFilters(task, options.filters, context))
      : bucket.tasks;
    if (shown.length === 0 && (filtering || options.groupBy !== 'group')) {
      continue;
    }
    const total = bucket.tasks.length;
    // The file's own group keys are what people search the file for; show them beside the words.
    const named =
      options.groupBy === 'group' && bucket.label !== bucket.key
        ? `${bucket.label} (${bucket.key})`
        : bucket.label;
    const done = bucket.tasks.filter((task) => task.status === 'completed').length;
    rows.push({
      key: bucket.key,
      label: bucket.label,
      description:
        options.groupBy === 'status' ? tasksCount(total) : groupDescription(bucket.tasks),
      tooltip:
        options.groupBy === 'status'
          ? `${named}: ${tasksCount(total)}`
          : `${named}: ${done} of ${tasksCount(total)} completed`,
      tasks: sortTasks(shown, options.sortBy),
    });
  }
  return rows;
}

function tasksCount(count: number): string {
  return `${count} ${count === 1 ? 'task' : 'tasks'}`;
}

export function countBlocked(model: TaskModel, graph: TaskGraph | undefined): number {
  return model.tasks.filter((task) => isBlocked(task, graph, model.byKey)).length;
}
