import type { GuardrailDefinition, Task } from '../../../kernel/model/types';
import { successCriteria } from '../../metrics/model/successCriteria';
import type { SnapshotConflicts, SnapshotMetrics } from './types';

const HOUR_MS = 3_600_000;

export interface SnapshotMetricsInput {
  tasks: readonly Task[];
  guardrails: readonly GuardrailDefinition[];
  now: Date;
  snapshotTimes?: readonly string[];
  conflicts?: SnapshotConflicts;
  slaHours: number;
}

/** The success criteria as the snapshot keeps them: hours and minutes, tasks with a time only. */
export function snapshotMetrics(input: SnapshotMetricsInput): SnapshotMetrics {
  const measured = successCriteria({
    tasks: input.tasks,
    guardrails: input.guardrails,
    now: input.now,
    snapshotTimes: input.snapshotTimes,
    conflicts:
      input.conflicts && !('error' in input.conflicts)
        ? input.conflicts.conflicting.map((pair) => `${pair.a} × ${pair.b}`)
        : undefined,
    slaHours: input.slaHours,
  });
  return {
    criteria: measured.criteria.map((criterion) => ({ ...criterion })),
    owners: measured.owners.map((owner) => ({
      ...owner,
      actualHours: round(owner.actualHours),
      estimateHours: round(owner.estimateHours),
    })),
    tasks: measured.tasks.flatMap((task) =>
      task.times.actualMs === undefined
        ? []
        : [
            {
              key: task.taskKey,
              ...(task.times.startedAt ? { startedAt: task.times.startedAt } : {}),
              ...(task.times.completedAt ? { completedAt: task.times.completedAt } : {}),
              actualHours: round(task.times.actualMs / HOUR_MS),
              pausedHours: round(task.times.pausedMs / HOUR_MS),
              ...(task.estimateHours !== undefined ? { estimateHours: task.estimateHours } : {}),
              ...(task.deltaMs !== undefined
                ? { deltaMinutes: Math.round(task.deltaMs / 60_000) }
                : {}),
              ...(task.withinEstimate !== undefined ? { withinEstimate: task.withinEstimate } : {}),
              source: task.times.source,
            },
          ],
    ),
    reviewSlaHours: input.slaHours,
  };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
