import type { Actor, TaskEdit } from '../../kernel/edits/types';
import type { LoadedTaskFile, Task } from '../../kernel/model/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { GateUi } from './gateUi';
import { checkCompletion, type GuardrailShortfall, type ReviewShortfall } from './model/gates';
import { passGate } from './passGate';

/** The one write path every host uses for a task's own fields. */
export interface TaskStoreLike {
  read(): Promise<LoadedTaskFile>;
  apply(edits: TaskEdit[]): Promise<LoadedTaskFile>;
}

export interface UpdateTaskRequest {
  store: TaskStoreLike;
  /** Key of the task every edit is for. */
  taskKey: string;
  edits: readonly TaskEdit[];
  actor: Actor;
  ui: GateUi;
  /** Required guardrails that have not passed for the task (its worktree since the last commit). */
  guardrailShortfalls?: (task: Task) => Promise<GuardrailShortfall[]>;
  /** Required reviews without a current approval (by path rules and `critical_review`). */
  reviewShortfalls?: (task: Task) => Promise<ReviewShortfall[]>;
  now?: () => Date;
}

/**
 * Applies edits to one task through the store. Marking it completed passes the completion
 * gate first (dependencies, progress, required guardrails and reviews), judged on the task as these edits
 * leave it, so `--status completed --progress 6/6` is one step.
 */
export async function updateTask(request: UpdateTaskRequest): Promise<LoadedTaskFile> {
  const at = (request.now ?? (() => new Date()))().toISOString();
  const record = { at, by: request.actor.name, host: request.actor.host };
  // Each status change is recorded with who and when: the times the success criteria measure.
  const edits = request.edits.map((edit) =>
    edit.kind === 'setStatus' && !edit.record ? { ...edit, record } : edit,
  );
  const completing = edits.some((edit) => edit.kind === 'setStatus' && edit.status === 'completed');
  if (completing) {
    const loaded = await request.store.read();
    const model = loaded.model;
    const task = model?.byKey.get(request.taskKey);
    if (!model || !task) {
      throw new CoordinatorError('unknownTask', `No task ${request.taskKey} in the task file.`);
    }
    if (task.status !== 'completed') {
      const projected = withProgressEdits(task, edits);
      const judge = async () => {
        const [guardrails, reviews] = await Promise.all([
          request.guardrailShortfalls?.(projected),
          request.reviewShortfalls?.(projected),
        ]);
        return checkCompletion(model, loaded.graph, projected, guardrails ?? [], reviews ?? []);
      };
      const now = (request.now ?? (() => new Date()))();
      edits.push(...(await passGate(await judge(), request.ui, request.actor, now, judge)));
    }
  }
  return request.store.apply(edits);
}

function withProgressEdits(task: Task, edits: readonly TaskEdit[]): Task {
  let progress = task.progress;
  for (const edit of edits) {
    if (edit.kind === 'setProgress') {
      const totalSteps = edit.totalSteps ?? progress?.totalSteps ?? edit.completedSteps;
      const completedSteps = edit.completedSteps;
      const percentage = totalSteps > 0 ? Math.round((completedSteps / totalSteps) * 100) : 0;
      progress = { totalSteps, completedSteps, percentage };
    }
  }
  return { ...task, progress };
}
