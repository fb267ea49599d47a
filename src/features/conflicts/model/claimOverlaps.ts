import type { Task, TaskModel } from '../../../kernel/model/types';
import type { StartOverlap } from '../../tasks/model/gates';
import { claimsOf, overlappingClaims } from './claims';

/** The tasks in progress whose declared files meet the claims of `task`, and which claims. */
export function claimOverlaps(model: TaskModel, task: Task): StartOverlap[] {
  const mine = claimsOf(task);
  if (mine.length === 0) {
    return [];
  }
  const overlaps: StartOverlap[] = [];
  for (const other of model.tasks) {
    if (other.key === task.key || other.status !== 'in_progress') {
      continue;
    }
    const files = overlappingClaims(mine, claimsOf(other));
    if (files.length > 0) {
      overlaps.push({ otherTask: other.key, kind: 'claims', files });
    }
  }
  return overlaps;
}
