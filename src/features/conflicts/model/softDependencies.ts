import type { TaskEdit } from '../../../kernel/edits/types';
import type { Task, TaskModel } from '../../../kernel/model/types';
import type { StartOverlap } from '../../tasks/model/gates';

/**
 * The field that records a soft dependency: the tasks a task was told to wait for at start
 * because it would collide with them. Unlike `dependencies` it gates nothing; it is in the plan
 * so every person and agent sees the decision, and it is cleared when the task starts.
 */
export const WAITS_FOR_FIELD = 'waits_for';

/** The task keys a task waits for, as recorded. */
export function waitsFor(task: { raw: Record<string, unknown> }): string[] {
  const value = task.raw[WAITS_FOR_FIELD];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item.length > 0)
    : [];
}

/** The tasks a start that collides should wait for: every task it overlaps, once each, in order. */
export function waitTargets(overlaps: readonly StartOverlap[]): string[] {
  return [...new Set(overlaps.map((overlap) => overlap.otherTask))];
}

/** The edit that adds `others` to what the task waits for (kept: what it already waited for). */
export function waitEdit(task: Task, others: readonly string[]): TaskEdit {
  return {
    kind: 'setTaskField',
    taskKey: task.key,
    field: WAITS_FOR_FIELD,
    value: [...new Set([...waitsFor(task), ...others])],
  };
}

/** The edit that clears the soft dependency once the task starts, or nothing when it has none. */
export function clearWaitEdits(task: Task): TaskEdit[] {
  return task.raw[WAITS_FOR_FIELD] === undefined
    ? []
    : [{ kind: 'setTaskField', taskKey: task.key, field: WAITS_FOR_FIELD, value: undefined }];
}

/** A task the plan no longer has, or one completed, no longer holds anyone up. */
function finished(model: TaskModel, key: string): boolean {
  const other = model.byKey.get(key) ?? model.tasks.find((task) => task.id === key);
  return other === undefined || other.status === 'completed';
}

/** What the task still waits for: the waited-for tasks not yet finished. */
export function unfinishedWaits(model: TaskModel, task: Task): string[] {
  return waitsFor(task).filter((key) => !finished(model, key));
}

/** A task that waited and whose every waited-for task has finished: it can be started now. */
export interface WaitOver {
  task: Task;
  waitedFor: string[];
}

/** Tasks not yet started whose soft dependencies have all finished, in plan order. */
export function waitsOver(model: TaskModel): WaitOver[] {
  return model.tasks
    .filter((task) => task.status !== 'in_progress' && task.status !== 'completed')
    .map((task) => ({ task, waitedFor: waitsFor(task) }))
    .filter(
      ({ task, waitedFor }) => waitedFor.length > 0 && unfinishedWaits(model, task).length === 0,
    );
}

/** The one sentence every host shows when a start waits instead. */
export function waitingText(task: Task, others: readonly string[]): string {
  return `${task.key} ("${task.name}") was not started: it waits for ${others.join(', ')} to finish (recorded in ${WAITS_FOR_FIELD}).`;
}
