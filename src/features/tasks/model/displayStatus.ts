import type { DisplayStatus, Task, TaskGraph } from '../../../kernel/model/types';

/** `ready` when the graph says so (not started, every task dependency completed); else the stored status. */
export function displayStatusOf(task: Task, graph: TaskGraph | undefined): DisplayStatus {
  if (task.status === 'not_started' && graph?.ready.has(task.key)) {
    return 'ready';
  }
  return task.status;
}

/** Task dependencies (resolved to task keys) that are not completed yet. */
export function unfinishedDependencies(
  task: Task,
  graph: TaskGraph | undefined,
  byKey: ReadonlyMap<string, Task>,
): Task[] {
  const refs = graph?.dependencies.get(task.key) ?? [];
  const unfinished: Task[] = [];
  for (const ref of refs) {
    const dependency = ref.taskKey === undefined ? undefined : byKey.get(ref.taskKey);
    if (dependency && dependency.status !== 'completed') {
      unfinished.push(dependency);
    }
  }
  return unfinished;
}

/**
 * A task counts as blocked when the file says `blocked` or `waiting` (the real files use `waiting`
 * with `waiting_for_taskB` blockers), or when it has not started and a task it depends on is unfinished.
 */
export function isBlocked(
  task: Task,
  graph: TaskGraph | undefined,
  byKey: ReadonlyMap<string, Task>,
): boolean {
  if (task.status === 'blocked' || task.status === 'waiting') {
    return true;
  }
  if (task.status !== 'not_started') {
    return false;
  }
  return unfinishedDependencies(task, graph, byKey).length > 0;
}
