import { unfinishedDependencies } from '../../../kernel/model/graph';
import type { Task, TaskGraph, TaskModel } from '../../../kernel/model/types';
import { STATUS_LABEL } from './statusLabels';

/** What a gate found about one task; no reasons means it passes. */
export interface GateCheck {
  gate: 'start' | 'completion';
  taskKey: string;
  taskName: string;
  reasons: string[];
  /** The collisions among the reasons, for hosts that offer another task instead. */
  overlaps?: StartOverlap[];
}

/** A guardrail that must pass before completion and has not, with what is known of it. */
export interface GuardrailShortfall {
  key: string;
  /** E.g. `fail (exit code 2) at 2026-11-29T10:00:00Z`, or `not run in its worktree`. */
  state: string;
}

/** A review the completion gate requires that is not a current approval. */
export interface ReviewShortfall {
  /** E.g. `Claude Code`. */
  reviewer: string;
  /** E.g. `no approving review (changes matriz/core.py)`. */
  state: string;
}

function waitsFor(model: TaskModel, graph: TaskGraph | undefined, task: Task): string[] {
  const keys = graph
    ? unfinishedDependencies(model, graph, task.key)
    : task.dependencies.filter((name) => {
        const dependency = model.byKey.get(name);
        return dependency !== undefined && dependency.status !== 'completed';
      });
  return keys.map((key) => {
    const dependency = model.byKey.get(key);
    const status = dependency ? STATUS_LABEL[dependency.status].toLowerCase() : 'unknown';
    return `waits for ${key} (${status})`;
  });
}

/** Another task in progress that the task to start would collide with, and where. */
export interface StartOverlap {
  otherTask: string;
  /**
   * `claims`: both declare the same files; `changes`: this task declares files the other has
   * changed; `forecast`: merging both branches conflicts.
   */
  kind: 'claims' | 'changes' | 'forecast';
  files: string[];
}

function overlapReason(overlap: StartOverlap): string {
  const what = {
    claims: 'claims the same files as',
    changes: 'claims files changed by',
    forecast: 'would conflict with',
  }[overlap.kind];
  return `${what} ${overlap.otherTask} (in progress): ${overlap.files.join(', ')}`;
}

/**
 * Starting a task: it must not be blocked or waiting, nor wait for unfinished tasks or blockers,
 * nor collide with a task in progress (the caller finds the overlaps; the conflict radar does).
 */
export function checkStart(
  model: TaskModel,
  graph: TaskGraph | undefined,
  task: Task,
  overlaps: readonly StartOverlap[] = [],
): GateCheck {
  const reasons: string[] = [];
  if (task.status === 'blocked' || task.status === 'waiting') {
    reasons.push(`status is ${task.status}`);
  }
  reasons.push(...waitsFor(model, graph, task));
  for (const blocker of task.blockers) {
    reasons.push(`blocker: ${blocker}`);
  }
  reasons.push(...overlaps.map(overlapReason));
  return {
    gate: 'start',
    taskKey: task.key,
    taskName: task.name,
    reasons,
    ...(overlaps.length > 0 ? { overlaps: [...overlaps] } : {}),
  };
}

/**
 * Completing a task: every task it depends on completed, every progress step done, and every
 * required guardrail passed in its worktree since the last commit, and a current approving review
 * by every required reviewer (the caller finds those two).
 */
export function checkCompletion(
  model: TaskModel,
  graph: TaskGraph | undefined,
  task: Task,
  guardrails: readonly GuardrailShortfall[] = [],
  reviews: readonly ReviewShortfall[] = [],
): GateCheck {
  const reasons = waitsFor(model, graph, task);
  const progress = task.progress;
  if (progress && progress.totalSteps > 0 && progress.completedSteps < progress.totalSteps) {
    reasons.push(`progress is ${progress.completedSteps}/${progress.totalSteps} steps`);
  }
  for (const guardrail of guardrails) {
    reasons.push(`required guardrail ${guardrail.key}: ${guardrail.state}`);
  }
  for (const review of reviews) {
    reasons.push(`required review by ${review.reviewer}: ${review.state}`);
  }
  return { gate: 'completion', taskKey: task.key, taskName: task.name, reasons };
}

/** The one sentence every host shows when a gate refuses. */
export function refusalText(check: GateCheck): string {
  const verb = check.gate === 'start' ? 'start' : 'complete';
  return `Cannot ${verb} ${check.taskKey} ("${check.taskName}"): ${check.reasons.join('; ')}.`;
}
