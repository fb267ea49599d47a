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

/** A group row with the tasks it shows (filtered and ordered) and `done/total` over all its tasks. */
export interface TaskGroupRow {
  key: string;
  label: string;
  description: string;
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
    rows.push({
      key: bucket.key,
      label: bucket.label,
      description: groupDescription(bucket.tasks),
      tasks: sortTasks(shown, options.sortBy),
    });
  }
  return rows;
}

export function countBlocked(model: TaskModel, graph: TaskGraph | undefined): number {
  return model.tasks.filter((task) => isBlocked(task, graph, model.byKey)).length;
}
