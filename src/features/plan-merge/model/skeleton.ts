import type { ChosenCompletion } from './planner';
import type { PlanEdit } from './planEdits';
import type { PlanShape, TaskEntry } from './planShape';
import { identityOf, type TextPlan } from './textShape';

/**
 * Ours as a document in which only the tasks the merge touches are parsed; every other task
 * stands as its `status` and `state` (and `id` when a completion gate will run), all that the
 * summary and the completion gates read of a task they do not merge.
 */
export function skeletonDoc(
  ours: TextPlan,
  edits: readonly PlanEdit[],
  completions: readonly ChosenCompletion[],
): Record<string, unknown> {
  const touched = touchedTasks(ours.shape, edits, completions);
  // Only the completion gates look tasks up by id.
  const withId = completions.length > 0;
  const values = new Map<string, unknown>();
  const value = (entry: TaskEntry) =>
    touched.has(entry.key) || entry.text === undefined
      ? entry.raw
      : identityOf(entry.text, values, withId);
  const { shape } = ours;
  let tasks: unknown;
  if (shape.layout === 'array') {
    tasks = [...shape.tasks.values()].map(value);
  } else if (shape.layout === 'flatMap') {
    tasks = Object.fromEntries([...shape.tasks.values()].map((e) => [e.key, value(e)]));
  } else {
    const groups: Record<string, Record<string, unknown>> = {};
    for (const [group, keys] of shape.groups) {
      const members: Record<string, unknown> = {};
      for (const key of keys) {
        members[key] = value(shape.tasks.get(key)!);
      }
      groups[group] = members;
    }
    tasks = groups;
  }
  return { ...ours.members, tasks };
}

function touchedTasks(
  shape: PlanShape,
  edits: readonly PlanEdit[],
  completions: readonly ChosenCompletion[],
): Set<string> {
  const touched = new Set(completions.map((c) => c.taskKey));
  const depth = shape.tasksPath.length + (shape.layout === 'groups' ? 2 : 1);
  const listed = shape.layout === 'array' ? [...shape.tasks.keys()] : [];
  for (const { path } of edits) {
    if (path.length < depth) {
      continue;
    }
    if (shape.layout === 'array') {
      const key = listed[path[depth - 1] as number];
      if (key !== undefined) {
        touched.add(key);
      }
      continue;
    }
    const entry = shape.tasks.get(String(path[depth - 1]));
    if (entry && (shape.layout === 'flatMap' || entry.group === path[depth - 2])) {
      touched.add(entry.key);
    }
  }
  return touched;
}
