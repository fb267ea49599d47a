import { resolve } from 'node:path';
import type { TaskModel } from '../../kernel/model/types';
import { forecastConflicts } from '../conflicts/forecast';
import { readSnapshotHistory } from '../snapshots/history';
import { conflictingPairs } from './model/conflictingPairs';
import { successCriteria, type SuccessCriteria } from './model/successCriteria';

export interface MeasureSuccessRequest {
  /** The main worktree's root. */
  root: string;
  model: TaskModel;
  /** Where snapshots are saved, relative to `root` unless absolute. */
  snapshotsFolder: string;
  slaHours: number;
  /** Run the conflict forecast between live branches; default true. */
  conflicts?: boolean;
  now?: Date;
  signal?: AbortSignal;
}

/**
 * The seeds' success criteria for every host: the plan's recorded times and reviews, the saved
 * snapshots, and the conflict forecast between live branches.
 */
export async function measureSuccess(request: MeasureSuccessRequest): Promise<SuccessCriteria> {
  const [history, conflicts] = await Promise.all([
    readSnapshotHistory(resolve(request.root, request.snapshotsFolder), Number.MAX_SAFE_INTEGER)
      .then((points) => points.map((point) => point.date))
      .catch(() => undefined),
    request.conflicts === false ? undefined : forecastConflictingPairs(request),
  ]);
  return successCriteria({
    tasks: request.model.tasks,
    guardrails: request.model.guardrails,
    now: request.now ?? new Date(),
    snapshotTimes: history,
    conflicts,
    slaHours: request.slaHours,
  });
}

async function forecastConflictingPairs(request: MeasureSuccessRequest): Promise<string[] | undefined> {
  try {
    const forecast = await forecastConflicts({
      folder: request.root,
      model: request.model,
      signal: request.signal,
    });
    return conflictingPairs(forecast);
  } catch {
    return undefined;
  }
}
