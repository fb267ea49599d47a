import type { DisplayStatus, Task, TaskGraph } from '../../../kernel/model/types';
import { displayStatusOf } from './displayStatus';

/** Rows under a task: what it waits for. */
export type TaskChildRow =
  | { kind: 'dependency'; name: string; task: Task; status: DisplayStatus }
  | { kind: 'prerequisite'; name: string }
  | { kind: 'blocker'; text: string };

/**
 * Dependencies (tasks and external prerequisites) and blockers of an unfinished task.
 * A completed task gets none: what it waited for no longer matters.
 */
export function taskChildren(
  task: Task,
  graph: TaskGraph | undefined,
  byKey: ReadonlyMap<string, Task>,
): TaskChildRow[] {
  if (task.status === 'completed') {
    return [];
  }
  const rows: TaskChildRow[] = [];
  const refs =
    graph?.dependencies.get(task.key) ??
    task.dependencies.map((name) => ({ name, taskKey: undefined }));
  for (const ref of refs) {
    const dependency = ref.taskKey === undefined ? undefined : byKey.get(ref.taskKey);
    rows.push(
      dependency
        ? {
            kind: 'dependency',
            name: ref.name,
            task: dependency,
            status: displayStatusOf(dependency, graph),
          }
        : { kind: 'prerequisite', name: ref.name },
    );
  }
  for (const text of task.blockers) {
    rows.push({ kind: 'blocker', text });
  }
  return rows;
}
