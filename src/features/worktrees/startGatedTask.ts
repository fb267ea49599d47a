import { dirname } from 'node:path';
import type { Actor, TaskEdit } from '../../kernel/edits/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { Task } from '../../kernel/model/types';
import { startOverlaps } from '../conflicts/startOverlaps';
import {
  clearWaitEdits,
  waitEdit,
  waitingText,
  waitTargets,
} from '../conflicts/model/softDependencies';
import { answered, type GateUi } from '../tasks/gateUi';
import { checkStart } from '../tasks/model/gates';
import { passGate } from '../tasks/passGate';
import { startTaskInWorktree, type StartTaskOptions, type StartTaskResult } from './startTask';

export interface GatedStartOptions extends StartTaskOptions {
  ui: GateUi;
  actor: Actor;
}

/** A start that collided with tasks in progress and was told to wait for them instead. */
export interface WaitingStart {
  outcome: 'waiting';
  task: Task;
  /** The tasks it now waits for (recorded in its `waits_for`). */
  waitsFor: string[];
  /** The sentence every host shows. */
  message: string;
}

export type GatedStartResult = StartTaskResult | WaitingStart;

/**
 * Start Task in Worktree for every host: a task that is blocked, waiting, waits for unfinished
 * tasks, or collides with a task in progress (claims or forecast) starts only when the UI port
 * says to go on anyway, and that override is recorded on the task once the start succeeded, with
 * who started it (`started_by`). A colliding start the UI port answers with "wait" starts
 * nothing and records the tasks it collides with as its soft dependency (`waits_for`), cleared
 * when the task does start. A task in progress just gets its worktree.
 */
export async function startGatedTask(options: GatedStartOptions): Promise<GatedStartResult> {
  const loaded = await options.store.read();
  const model = loaded.model;
  const task =
    model?.byKey.get(options.taskKey) ?? model?.tasks.find((t) => t.id === options.taskKey);
  if (!model || !task) {
    // The start itself says which: no file, a broken one, or no such task.
    return startTaskInWorktree(options);
  }
  if (task.status === 'completed') {
    throw new CoordinatorError('gateRefused', `${task.key} ("${task.name}") is already completed.`);
  }
  let overrides: TaskEdit[] = [];
  if (task.status !== 'in_progress') {
    const overlaps = await startOverlaps(dirname(options.taskFilePath), model, task, {
      base: options.baseBranch,
      signal: options.signal,
    });
    const check = checkStart(model, loaded.graph, task, overlaps);
    const answer = check.reasons.length === 0 ? true : await options.ui.confirmOverride(check);
    const others = answer === 'wait' ? waitTargets(overlaps) : [];
    if (others.length > 0) {
      await options.store.apply([waitEdit(task, others)]);
      return { outcome: 'waiting', task, waitsFor: others, message: waitingText(task, others) };
    }
    const now = (options.now ?? (() => new Date()))();
    overrides = await passGate(
      check,
      answered(answer === 'wait' ? false : answer),
      options.actor,
      now,
    );
  }
  const result = await startTaskInWorktree(options);
  if (result.outcome !== 'existing') {
    // Who started it did the work: the review gate refuses them as the task's reviewer.
    const startedBy = {
      kind: 'setTaskField',
      taskKey: result.task.key,
      field: 'started_by',
      value: options.actor.name,
    } as const;
    await options.store.apply([...overrides, ...clearWaitEdits(task), startedBy]);
  }
  return result;
}
