import type { DashboardTask } from '../../protocol/dashboardModel';
import { matchesFilters, type BoardFilters } from '../filters';
import type { LayoutNodeInput } from './layout';

/** Above this many shown tasks the page asks for a filter instead of drawing the graph. */
export const MAX_DRAWN_TASKS = 3000;

/**
 * The graph follows the board: the tasks its filters show, linked by their dependencies on each
 * other. A dependency on a task the filters hide is left out of the drawing.
 */
export function graphNodes(
  tasks: readonly DashboardTask[],
  filters: BoardFilters,
): LayoutNodeInput[] {
  return tasks
    .filter((task) => matchesFilters(task, filters))
    .map((task) => ({
      key: task.key,
      dependencies: task.dependencies
        .map((dep) => dep.taskKey)
        .filter((key): key is string => key !== undefined),
    }));
}

/** What decides the drawing: the shown tasks and their links (not their statuses). */
export function structureOf(nodes: readonly LayoutNodeInput[]): string {
  return nodes.map((node) => `${node.key}>${node.dependencies.join(',')}`).join('|');
}
