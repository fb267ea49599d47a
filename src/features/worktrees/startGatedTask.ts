import { dirname } from 'node:path';
import type { Actor } from '../../kernel/edits/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { startOverlaps } from '../conflicts/startOverlaps';
import type { GateUi } from '../tasks/gateUi';
import { checkStart } from '../tasks/model/gates';
import { passGate } from '../tasks/passGate';
import { startTaskInWorktree, type StartTaskOptions, type StartTaskResult } from './startTask';

export interface GatedStartOptions extends StartTaskOptions {
  ui: GateUi;
  actor: Actor;
}

/**
 * Start Task in Worktree for every host: a task that is blocked, waiting, waits for unfinished
 * tasks, or collides with a task in progress (claims or forecast) starts only when the UI port
 * says to go on anyway, and that override is recorded on the task once the start succeeded, with
 * who started it (`started_by`). A task in progress just gets its worktree.
 */
export async function startGatedTask(options: GatedStartOptions): Promise<StartTaskResult> {
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
  const overlaps =
    task.status === 'in_progress'
      ? []
      : await startOverlaps(dirname(options.taskFilePath), model, task, {
          base: options.baseBranch,
          signal: options.signal,
        });
  const check = checkStart(model, loaded.graph, task, overlaps);
  const now = (options.now ?? (() => new Date()))();
  const overrides =
    task.status === 'in_progress' ? [] : await passGate(check, options.ui, options.actor, now);
  const result = await startTaskInWorktree(options);
  if (result.outcome !== 'existing') {
    // Who started it did the work: the review gate refuses them as the task's reviewer.
    const startedBy = {
      kind: 'setTaskField',
      taskKey: result.task.key,
      field: 'started_by',
      value: options.actor.name,
    } as const;
    await options.store.apply([...overrides, startedBy]);
  }
  return result;
}
