import type { Task, TaskModel } from '../../../kernel/model/types';
import type { StartOverlap } from '../../tasks/model/gates';
import { claimOverlaps } from './claimOverlaps';
import { unfinishedWaits } from './softDependencies';

export interface RankedTask {
  task: Task;
  /** Tasks in progress whose declared files this task's claims meet. */
  overlaps: StartOverlap[];
  /** Tasks it was told to wait for (`waits_for`) that have not finished. */
  waitsFor: string[];
}

/**
 * Ready tasks with those that collide with no task in progress, and wait for none, first; the
 * order within each part (priority, phase) is kept.
 */
export function rankByOverlap(model: TaskModel, tasks: readonly Task[]): RankedTask[] {
  const ranked = tasks.map((task) => ({
    task,
    overlaps: claimOverlaps(model, task),
    waitsFor: unfinishedWaits(model, task),
  }));
  const later = (entry: RankedTask) => entry.overlaps.length > 0 || entry.waitsFor.length > 0;
  return [...ranked.filter((entry) => !later(entry)), ...ranked.filter(later)];
}

/**
 * `overlaps api_routes (src/api/auth.ts ~ src/api/**)`, `waits for api_routes`, both, or an
 * empty string.
 */
export function whyLater({
  overlaps,
  waitsFor,
}: Pick<RankedTask, 'overlaps' | 'waitsFor'>): string {
  return [
    overlaps.length === 0
      ? ''
      : `overlaps ${overlaps.map((o) => `${o.otherTask} (${o.files.join(', ')})`).join('; ')}`,
    waitsFor.length === 0 ? '' : `waits for ${waitsFor.join(', ')}`,
  ]
    .filter((part) => part !== '')
    .join('; ');
}
