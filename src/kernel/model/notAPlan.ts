import { isPlainObject } from './layout';

/** Fields a pull-request listing (`gh pr list --json …`) has and a task does not. */
const PULL_REQUEST_FIELDS = [
  'headRefName',
  'baseRefName',
  'isDraft',
  'mergeable',
  'reviewDecision',
];
/** Fields only a task has; `title`, `state` and `number` are shared with pull requests. */
const TASK_ONLY_FIELDS = [
  'name',
  'status',
  'owner',
  'id',
  'task_id',
  'key',
  'priority',
  'dependencies',
  'depends_on',
  'branch',
];
/** Any of these makes an entry a task. */
const TASK_FIELDS = [...TASK_ONLY_FIELDS, 'title', 'state'];

/**
 * Why a list is not a plan, in one line, or undefined when it may be one: a pull-request listing
 * saved as JSON, or a list none of whose entries has a task field.
 */
export function notAPlanReason(list: readonly unknown[]): string | undefined {
  if (list.length === 0) {
    return undefined;
  }
  const objects = list.filter(isPlainObject);
  const hasAny = (entry: Record<string, unknown>, names: readonly string[]) =>
    names.some((name) => entry[name] !== undefined);
  if (
    objects.length === list.length &&
    objects.every(
      (entry) =>
        typeof entry.number === 'number' &&
        (hasAny(entry, PULL_REQUEST_FIELDS) || typeof entry.url === 'string'),
    ) &&
    !objects.some((entry) => hasAny(entry, TASK_ONLY_FIELDS))
  ) {
    return `this is a list of ${list.length} pull requests (as \`gh pr list --json\` prints), not a plan: it has no tasks`;
  }
  if (!objects.some((entry) => hasAny(entry, TASK_FIELDS))) {
    return `this is not a plan: none of its ${list.length} entries has a title, name, status or id`;
  }
  return undefined;
}
