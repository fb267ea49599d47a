import type { Task, TaskGraph, TaskModel } from '../../../kernel/model/types';

export interface ReadyTransition {
  task: Task;
  /** The dependency whose completion made the task ready. */
  completedDependency: Task;
}

interface Snapshot {
  model: TaskModel;
  graph: TaskGraph;
}

const WAITING_STATUSES = new Set(['not_started', 'waiting', 'blocked']);

/**
 * Tasks that, between two reads, went from having an unfinished task dependency to having all of
 * them completed, and still wait to be worked on. External prerequisites cannot be checked and do
 * not hold a task back here.
 */
export function newlyReadyTasks(before: Snapshot, after: Snapshot): ReadyTransition[] {
  const transitions: ReadyTransition[] = [];
  for (const task of after.model.tasks) {
    if (!WAITING_STATUSES.has(task.status) || !before.model.byKey.has(task.key)) {
      continue;
    }
    const dependencyKeys = (after.graph.dependencies.get(task.key) ?? []).flatMap(
      (ref) => ref.taskKey ?? [],
    );
    if (dependencyKeys.length === 0) {
      continue;
    }
    const allDoneNow = dependencyKeys.every(
      (key) => after.model.byKey.get(key)?.status === 'completed',
    );
    if (!allDoneNow) {
      continue;
    }
    const justCompleted = dependencyKeys.find(
      (key) => before.model.byKey.get(key)?.status !== 'completed',
    );
    const dependency =
      justCompleted === undefined ? undefined : after.model.byKey.get(justCompleted);
    if (dependency) {
      transitions.push({ task, completedDependency: dependency });
    }
  }
  return transitions;
}
