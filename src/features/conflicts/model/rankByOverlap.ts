import type { Task, TaskModel } from '../../../kernel/model/types';
import type { StartOverlap } from '../../tasks/model/gates';
import { claimOverlaps } from './claimOverlaps';

export interface RankedTask {
  task: Task;
  /** Tasks in progress whose declared files this task's claims meet. */
  overlaps: StartOverlap[];
}

/**
 * Ready tasks with those that collide with no task in progress first; the order within each
 * part (priority, phase) is kept.
 */
export function rankByOverlap(model: TaskModel, tasks: readonly Task[]): RankedTask[] {
  const ranked = tasks.map((task) => ({ task, overlaps: claimOverlaps(model, task) }));
  return [
    ...ranked.filter((entry) => entry.overlaps.length === 0),
    ...ranked.filter((entry) => entry.overlaps.length > 0),
  ];
}

/** `overlaps api_routes (src/api/auth.ts ~ src/api/**)`, or an empty string. */
export function overlapNote(overlaps: readonly StartOverlap[]): string {
  return overlaps.length === 0
    ? ''
    : `overlaps ${overlaps.map((o) => `${o.otherTask} (${o.files.join(', ')})`).join('; ')}`;
}
