/**
 * Where the tasks live in a document. `groups`: schema 1.0, `tasks.<group>.<key>`;
 * `flatMap`: `tasks.<key>`; `array`: `tasks[i]` (or a document that is itself an array).
 */
export type TaskLayout = 'groups' | 'flatMap' | 'array';

/** Fields whose presence (with a plain value) marks an object as a task. */
export const TASK_MARKERS = ['name', 'title', 'status', 'state', 'id', 'task_id', 'owner'];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A map whose values carry task fields directly is a flat map of tasks; otherwise it is a map of groups. */
export function detectLayout(tasks: unknown): TaskLayout | undefined {
  if (Array.isArray(tasks)) {
    return 'array';
  }
  if (!isPlainObject(tasks)) {
    return undefined;
  }
  for (const value of Object.values(tasks)) {
    if (
      isPlainObject(value) &&
      TASK_MARKERS.some((name) => value[name] !== undefined && !isPlainObject(value[name]))
    ) {
      return 'flatMap';
    }
  }
  return 'groups';
}

export const DEFAULT_GROUP = 'tasks';

/** Fields naming a task in a list, first found wins. */
export const TASK_KEY_FIELDS = ['key', 'id', 'task_id'];

/** The key a task in a list names itself: its `key`, else its `id`, else its `task_id`. */
export function ownTaskKey(raw: Record<string, unknown>): string | undefined {
  for (const name of TASK_KEY_FIELDS) {
    const value = raw[name];
    if (typeof value === 'string' && value.length > 0) {
      return value;
    }
    if (typeof value === 'number') {
      return String(value);
    }
  }
  return undefined;
}

/** The key of a task in a flat array: its own key (see `ownTaskKey`), else `task-<position>`. */
export function arrayTaskKey(raw: Record<string, unknown>, index: number): string {
  return ownTaskKey(raw) ?? `task-${index + 1}`;
}

export function arrayTaskGroup(raw: Record<string, unknown>): string {
  const group = raw.group ?? raw.category;
  return typeof group === 'string' && group.length > 0 ? group : DEFAULT_GROUP;
}
