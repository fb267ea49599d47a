import { nextTasks } from '../../../kernel/model/next';
import type { TaskGraph, TaskModel } from '../../../kernel/model/types';
import { rankByOverlap, type RankedTask } from './rankByOverlap';

/**
 * What to start next, for every host: ready tasks (not started, every task dependency completed)
 * by priority and phase, of one owner when given, with those whose declared files overlap a task
 * in progress last, each with the overlaps that put it there.
 */
export function nextReadyTasks(model: TaskModel, graph: TaskGraph, owner?: string): RankedTask[] {
  const wanted = owner?.toLowerCase();
  return rankByOverlap(
    model,
    nextTasks(model, graph).filter(
      (task) => !wanted || task.owners.some((o) => o.toLowerCase() === wanted),
    ),
  );
}
