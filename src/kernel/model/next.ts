import { phaseRank } from './phase';
import { priorityRank } from './statuses';
import type { Task, TaskGraph, TaskModel } from './types';

/** Ready tasks, most urgent first: by priority, then execution phase, then file order. */
export function nextTasks(model: TaskModel, graph: TaskGraph): Task[] {
  return model.tasks
    .filter((task) => graph.ready.has(task.key))
    .sort(
      (a, b) =>
        priorityRank(a.priority) - priorityRank(b.priority) ||
        phaseRank(a.phase) - phaseRank(b.phase) ||
        a.index - b.index,
    );
}
