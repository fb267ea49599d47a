import { resolve } from 'node:path';
import type { TaskModel } from '../../kernel/model/types';
import { forecastConflicts } from '../conflicts/forecast';
import { readSnapshotHistory } from '../snapshots/history';
import { conflictingPairs } from '../conflicts/model/conflictingPairs';
import { criteriaOverTime, type CriteriaPeriod } from './model/criteriaOverTime';
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
export async function measureSuccess(
  request: MeasureSuccessRequest,
): Promise<SuccessCriteria & { overTime: CriteriaPeriod[] }> {
  const [history, conflicts] = await Promise.all([
    readSnapshotHistory(
      resolve(request.root, request.snapshotsFolder),
      Number.MAX_SAFE_INTEGER,
    ).catch(() => undefined),
    request.conflicts === false ? undefined : forecastConflictingPairs(request),
  ]);
  const now = request.now ?? new Date();
  const measured = successCriteria({
    tasks: request.model.tasks,
    guardrails: request.model.guardrails,
    now,
    snapshotTimes: history?.map((point) => point.date),
    conflicts,
    slaHours: request.slaHours,
  });
  const overTime = criteriaOverTime({
    tasks: measured.tasks,
    reviews: measured.reviews,
    snapshots: history,
    slaMs: request.slaHours * 3_600_000,
    now,
  });
  return { ...measured, overTime };
}

async function forecastConflictingPairs(
  request: MeasureSuccessRequest,
): Promise<string[] | undefined> {
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
