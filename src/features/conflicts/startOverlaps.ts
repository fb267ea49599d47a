import type { Task, TaskModel } from '../../kernel/model/types';
import type { StartOverlap } from '../tasks/model/gates';
import { branchExists } from '../../platform/git';
import { forecastConflicts } from './forecast';
import { claimOverlaps } from './model/claimOverlaps';
import { describeFiles } from './model/describe';

/**
 * What the start gate needs from the radar: tasks in progress whose claims meet this task's,
 * and, when the task already has a branch, those whose branch would conflict with it (left out
 * when the forecast cannot be made).
 */
export async function startOverlaps(
  folder: string,
  model: TaskModel,
  task: Task,
  options: { base?: string; signal?: AbortSignal } = {},
): Promise<StartOverlap[]> {
  const overlaps = claimOverlaps(model, task);
  if (!task.branch || !(await branchExists(folder, task.branch, options.signal))) {
    return overlaps;
  }
  let forecast;
  try {
    forecast = await forecastConflicts({ folder, model, ...options });
  } catch (error) {
    // The forecast only advises: a repository it cannot read must not stop the start.
    if (options.signal?.aborted) {
      throw error;
    }
    return overlaps;
  }
  const inProgress = new Set(
    model.tasks.filter((t) => t.status === 'in_progress' && t.key !== task.key).map((t) => t.key),
  );
  for (const pair of forecast.pairs) {
    const other = pair.a === task.key ? pair.b : pair.b === task.key ? pair.a : undefined;
    if (other && inProgress.has(other) && pair.verdict.status === 'conflict') {
      overlaps.push({
        otherTask: other,
        kind: 'forecast',
        files: [describeFiles(pair.verdict.files)],
      });
    }
  }
  return overlaps;
}
