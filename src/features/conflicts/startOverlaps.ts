import type { Task, TaskModel } from '../../kernel/model/types';
import type { StartOverlap } from '../tasks/model/gates';
import { branchExists } from '../../platform/git';
import { forecastConflicts, liveBranchChanges } from './forecast';
import { claimedPaths, claimsOf } from './model/claims';
import { claimOverlaps } from './model/claimOverlaps';
import { describeFiles } from './model/describe';

/**
 * What the start gate needs from the radar about the tasks in progress: those whose declared
 * files meet this task's claims, those that already changed files this task claims (uncommitted
 * work included), and, when this task already has a branch, those whose branch would conflict
 * with it. Git findings are left out when the repository cannot be read: they only advise.
 */
export async function startOverlaps(
  folder: string,
  model: TaskModel,
  task: Task,
  options: { base?: string; signal?: AbortSignal } = {},
): Promise<StartOverlap[]> {
  const overlaps = claimOverlaps(model, task);
  const inProgress = new Set(
    model.tasks.filter((t) => t.status === 'in_progress' && t.key !== task.key).map((t) => t.key),
  );
  if (inProgress.size === 0) {
    return overlaps;
  }
  try {
    const claims = claimsOf(task);
    if (claims.length > 0) {
      for (const { branch, paths } of await liveBranchChanges({ folder, model, ...options })) {
        const claimed = claimedPaths(claims, paths);
        if (branch.taskKey && inProgress.has(branch.taskKey) && claimed.length > 0) {
          overlaps.push({ otherTask: branch.taskKey, kind: 'changes', files: claimed });
        }
      }
    }
    if (task.branch && (await branchExists(folder, task.branch, options.signal))) {
      const forecast = await forecastConflicts({ folder, model, ...options });
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
    }
  } catch (error) {
    if (options.signal?.aborted) {
      throw error;
    }
  }
  return overlaps;
}
