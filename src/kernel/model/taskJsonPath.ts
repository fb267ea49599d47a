import type { JsonPath } from './locate';
import type { Task } from './types';

/** Where a task object sits in the document: its own path, else `tasks.<group>.<key>`. */
export function taskJsonPath(task: Pick<Task, 'group' | 'key' | 'jsonPath'>): JsonPath {
  return task.jsonPath ?? ['tasks', task.group, task.key];
}
