import type { Actor } from '../../kernel/edits/types';
import type { LoadedTaskFile } from '../../kernel/model/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { GateUi } from './gateUi';
import { checkStart } from './model/gates';
import { passGate } from './passGate';
import type { TaskStoreLike } from './updateTask';

export interface ClaimTaskRequest {
  store: TaskStoreLike;
  taskKey: string;
  actor: Actor;
  ui: GateUi;
  /** Branch of the worktree the claim comes from, recorded when the task names none yet. */
  branch?: string;
  now?: () => Date;
}

/**
 * Marks a task in progress where its agent already works (no new worktree), naming that
 * worktree's branch so the completion gate finds it. It passes the same start gate as Start Task
 * in Worktree; an override is recorded with the claim.
 */
export async function claimTask(request: ClaimTaskRequest): Promise<LoadedTaskFile> {
  const loaded = await request.store.read();
  const task = loaded.model?.byKey.get(request.taskKey);
  if (!loaded.model || !task) {
    throw new CoordinatorError('unknownTask', `No task ${request.taskKey} in the task file.`);
  }
  if (task.status === 'completed') {
    throw new CoordinatorError('gateRefused', `${task.key} ("${task.name}") is already completed.`);
  }
  if (task.status === 'in_progress') {
    return loaded;
  }
  const now = (request.now ?? (() => new Date()))();
  const overrides = await passGate(
    checkStart(loaded.model, loaded.graph, task),
    request.ui,
    request.actor,
    now,
  );
  return request.store.apply([
    {
      kind: 'setStatus',
      taskKey: task.key,
      status: 'in_progress',
      record: { at: now.toISOString(), by: request.actor.name, host: request.actor.host },
    },
    ...(request.branch && !task.branch
      ? [{ kind: 'setBranch' as const, taskKey: task.key, branch: request.branch }]
      : []),
    ...overrides,
  ]);
}
