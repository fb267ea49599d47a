import type { GuardrailDefinition, Priority, Task, TaskStatus } from '../../../kernel/model/types';
import { recordedVerdict } from '../../guardrails/model/recorded';
import { reviewTimings, type ReviewTiming } from './reviewTimings';
import { taskTimes, type TaskTimes } from './taskTimes';

/** The seeds' tolerance on an estimate: execution within ±30 min. */
export const ESTIMATE_TOLERANCE_MINUTES = 30;

export interface SuccessCriteriaInput {
  tasks: readonly Task[];
  guardrails: readonly GuardrailDefinition[];
  now: Date;
  /** Capture times (ISO) of the saved snapshots; undefined when they could not be listed. */
  snapshotTimes?: readonly string[];
  /** Branch pairs the conflict radar found conflicting; undefined when it did not run. */
  conflicts?: readonly string[];
  /** `coordinator.reviews.slaHours`. */
  slaHours: number;
  toleranceMinutes?: number;
}

export interface TaskMetrics {
  taskKey: string;
  name: string;
  owners: readonly string[];
  priority?: Priority;
  status: TaskStatus;
  estimateHours?: number;
  times: TaskTimes;
  /** Actual minus estimate, for a completed task with both. */
  deltaMs?: number;
  /** Completed within the tolerance of its estimate; undefined when it cannot be judged. */
  withinEstimate?: boolean;
}

export interface OwnerMetrics {
  owner: string;
  tasks: number;
  completed: number;
  /** Completed tasks judged against their estimate, and those outside the tolerance. */
  judged: number;
  outside: number;
  actualHours: number;
  estimateHours: number;
}

export type CriterionKey = 'execution' | 'reviews' | 'conflicts' | 'snapshots' | 'guardrails';

export interface Criterion {
  key: CriterionKey;
  label: string;
  /** Undefined when there is nothing to judge it on yet. */
  met?: boolean;
  detail: string;
}

export interface SuccessCriteria {
  tasks: TaskMetrics[];
  owners: OwnerMetrics[];
  reviews: ReviewTiming[];
  criteria: Criterion[];
}

/** The seeds' success criteria, measured on the plan as recorded. */
export function successCriteria(input: SuccessCriteriaInput): SuccessCriteria {
  const toleranceMs = (input.toleranceMinutes ?? ESTIMATE_TOLERANCE_MINUTES) * 60_000;
  const slaMs = input.slaHours * 3_600_000;
  const tasks = input.tasks.map((task) => taskMetrics(task, input.now, toleranceMs));
  const reviews = reviewTimings(input.tasks, input.now, slaMs);
  return {
    tasks,
    owners: ownerMetrics(tasks),
    reviews,
    criteria: [
      executionCriterion(tasks, input.toleranceMinutes ?? ESTIMATE_TOLERANCE_MINUTES),
      reviewCriterion(reviews, input.slaHours),
      conflictCriterion(input.conflicts),
      snapshotCriterion(tasks, input.snapshotTimes, input.now),
      guardrailCriterion(input.guardrails),
    ],
  };
}

function taskMetrics(task: Task, now: Date, toleranceMs: number): TaskMetrics {
  const times = taskTimes(task, now);
  const metrics: TaskMetrics = {
    taskKey: task.key,
    name: task.name,
    owners: task.owners.length > 0 ? task.owners : ['(no owner)'],
    status: task.status,
    times,
  };
  if (task.priority) {
    metrics.priority = task.priority;
  }
  if (task.estimate) {
    metrics.estimateHours = task.estimate.hours;
  }
  if (task.status === 'completed' && task.estimate && times.actualMs !== undefined) {
    metrics.deltaMs = times.actualMs - task.estimate.hours * 3_600_000;
    metrics.withinEstimate = Math.abs(metrics.deltaMs) <= toleranceMs;
  }
  return metrics;
}

function ownerMetrics(tasks: readonly TaskMetrics[]): OwnerMetrics[] {
  const byOwner = new Map<string, OwnerMetrics>();
  for (const task of tasks) {
    for (const owner of task.owners) {
      const entry = byOwner.get(owner) ?? {
        owner,
        tasks: 0,
        completed: 0,
        judged: 0,
        outside: 0,
        actualHours: 0,
        estimateHours: 0,
      };
      entry.tasks += 1;
      entry.completed += task.status === 'completed' ? 1 : 0;
      entry.judged += task.withinEstimate !== undefined ? 1 : 0;
      entry.outside += task.withinEstimate === false ? 1 : 0;
      entry.actualHours += (task.times.actualMs ?? 0) / 3_600_000;
      entry.estimateHours += task.estimateHours ?? 0;
      byOwner.set(owner, entry);
    }
  }
  return [...byOwner.values()].sort((a, b) => a.owner.localeCompare(b.owner));
}

function executionCriterion(tasks: readonly TaskMetrics[], toleranceMinutes: number): Criterion {
  const judged = tasks.filter((task) => task.withinEstimate !== undefined);
  const outside = judged.filter((task) => task.withinEstimate === false);
  const label = `Execution within estimate ±${toleranceMinutes} min`;
  if (judged.length === 0) {
    return {
      key: 'execution',
      label,
      detail: 'no completed task with an estimate and a recorded time',
    };
  }
  return {
    key: 'execution',
    label,
    met: outside.length === 0,
    detail:
      outside.length === 0
        ? `${judged.length} of ${judged.length} completed tasks within`
        : `${outside.length} of ${judged.length} outside: ${outside.map((t) => t.taskKey).join(', ')}`,
  };
}

function reviewCriterion(reviews: readonly ReviewTiming[], slaHours: number): Criterion {
  const judged = reviews.filter((review) => review.withinSla !== undefined);
  const late = judged.filter((review) => review.withinSla === false);
  const label = `Reviews completed within ${slaHours} h`;
  if (judged.length === 0) {
    return {
      key: 'reviews',
      label,
      detail:
        reviews.length > 0 ? `${reviews.length} requested, none due yet` : 'no review requested',
    };
  }
  return {
    key: 'reviews',
    label,
    met: late.length === 0,
    detail:
      late.length === 0
        ? `${judged.length} of ${judged.length} within`
        : `${late.length} of ${judged.length} late: ${late.map((r) => r.taskKey).join(', ')}`,
  };
}

function conflictCriterion(conflicts: readonly string[] | undefined): Criterion {
  const label = 'No merge conflicts';
  if (conflicts === undefined) {
    return { key: 'conflicts', label, detail: 'the conflict forecast did not run' };
  }
  return {
    key: 'conflicts',
    label,
    met: conflicts.length === 0,
    detail:
      conflicts.length === 0
        ? 'no live branches conflict'
        : `${conflicts.length} conflicting: ${conflicts.join(', ')}`,
  };
}

/** Every day (UTC) from the first recorded start to today has a snapshot; today may still come. */
function snapshotCriterion(
  tasks: readonly TaskMetrics[],
  snapshotTimes: readonly string[] | undefined,
  now: Date,
): Criterion {
  const label = 'Daily snapshots generated';
  if (snapshotTimes === undefined) {
    return { key: 'snapshots', label, detail: 'the snapshot folder could not be read' };
  }
  const starts = tasks
    .map((task) => task.times.startedAt)
    .filter((at): at is string => at !== undefined && !Number.isNaN(Date.parse(at)))
    .sort();
  if (starts.length === 0) {
    return {
      key: 'snapshots',
      label,
      detail: `${snapshotTimes.length} snapshots; no work started`,
    };
  }
  const taken = new Set(snapshotTimes.map(day));
  const today = day(now.toISOString());
  const missing: string[] = [];
  for (let at = Date.parse(`${day(starts[0]!)}T00:00:00Z`); ; at += 86_400_000) {
    const date = day(new Date(at).toISOString());
    if (date >= today) {
      break;
    }
    if (!taken.has(date)) {
      missing.push(date);
    }
  }
  if (day(starts[0]!) >= today) {
    return {
      key: 'snapshots',
      label,
      detail: `work started today; ${snapshotTimes.length} snapshots so far`,
    };
  }
  return {
    key: 'snapshots',
    label,
    met: missing.length === 0,
    detail:
      missing.length === 0
        ? `a snapshot every day since ${day(starts[0]!)}`
        : `no snapshot on ${missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more days` : missing.join(', ')}`,
  };
}

function guardrailCriterion(guardrails: readonly GuardrailDefinition[]): Criterion {
  const required = guardrails.filter((guardrail) => guardrail.required);
  const label = 'Required guardrails passing';
  if (required.length === 0) {
    return { key: 'guardrails', label, detail: 'no required guardrail' };
  }
  const failing = required.filter((guardrail) => !isPassing(guardrail.status));
  return {
    key: 'guardrails',
    label,
    met: failing.length === 0,
    detail:
      failing.length === 0
        ? `${required.length} of ${required.length} passed`
        : `${failing.length} of ${required.length} not passed: ${failing.map((g) => `${g.key} (${g.status ?? 'never run'})`).join(', ')}`,
  };
}

function isPassing(status: string | undefined): boolean {
  return recordedVerdict(status) === 'pass';
}

function day(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}
