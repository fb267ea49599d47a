import type { Task, TaskModel } from '../../../kernel/model/types';
import { sameJson } from './values';

/** How one task differs between two plans, in words for a commit message or a tooltip. */
export interface TaskChange {
  taskKey: string;
  kind: 'added' | 'removed' | 'changed';
  /** e.g. `status not_started → in_progress`, `progress 2/5 → 3/5`, `1 note added`. */
  details: string[];
}

/** Fields described by their own words; any other changed field is named. */
const DESCRIBED = new Set([
  'status',
  'state',
  'progress',
  'completed_steps',
  'total_steps',
  'notes',
  'blockers',
]);

/** Task by task, in the order of `after` (removed tasks last), what changed from `before`. */
export function planChanges(before: TaskModel | undefined, after: TaskModel): TaskChange[] {
  const changes: TaskChange[] = [];
  for (const task of after.tasks) {
    const old = before?.byKey.get(task.key);
    if (!old) {
      changes.push({ taskKey: task.key, kind: 'added', details: [`added as ${task.status}`] });
    } else if (!sameJson(old.raw, task.raw)) {
      changes.push({ taskKey: task.key, kind: 'changed', details: taskDetails(old, task) });
    }
  }
  for (const task of before?.tasks ?? []) {
    if (!after.byKey.has(task.key)) {
      changes.push({ taskKey: task.key, kind: 'removed', details: ['removed'] });
    }
  }
  return changes;
}

function taskDetails(before: Task, after: Task): string[] {
  const details: string[] = [];
  if (before.status !== after.status) {
    details.push(`status ${before.status} → ${after.status}`);
  }
  const steps = (task: Task) =>
    task.progress ? `${task.progress.completedSteps}/${task.progress.totalSteps}` : 'none';
  if (steps(before) !== steps(after)) {
    details.push(`progress ${steps(before)} → ${steps(after)}`);
  }
  const counted = (label: string, a: readonly string[], b: readonly string[]) => {
    const added = b.filter((item) => !a.includes(item)).length;
    const removed = a.filter((item) => !b.includes(item)).length;
    if (added > 0) {
      details.push(`${added} ${label}${added === 1 ? '' : 's'} added`);
    }
    if (removed > 0) {
      details.push(`${removed} ${label}${removed === 1 ? '' : 's'} removed`);
    }
  };
  counted('note', before.notes, after.notes);
  counted('blocker', before.blockers, after.blockers);
  const fields = new Set([...Object.keys(before.raw), ...Object.keys(after.raw)]);
  const others = [...fields].filter(
    (field) => !DESCRIBED.has(field) && !sameJson(before.raw[field], after.raw[field]),
  );
  if (others.length > 0) {
    details.push(`${others.join(', ')} changed`);
  }
  return details.length > 0 ? details : ['changed'];
}

/** A commit message: a subject naming the tasks, then one line per task. */
export function planCommitMessage(changes: readonly TaskChange[], subject?: string): string {
  const lines = changes.map((change) => `- ${change.taskKey}: ${change.details.join(', ')}`);
  const named = changes.slice(0, 3).map((change) => change.taskKey);
  const more = changes.length > 3 ? ` and ${changes.length - 3} more` : '';
  const title =
    subject?.trim() ||
    (changes.length > 0 ? `Plan: ${named.join(', ')}${more}` : 'Plan: update the task file');
  return lines.length > 0 ? `${title}\n\n${lines.join('\n')}\n` : `${title}\n`;
}
