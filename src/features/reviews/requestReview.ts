import type { Actor } from '../../kernel/edits/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { ReviewRequestRecord } from '../../kernel/model/reviews';
import type { TaskStoreLike } from '../tasks/updateTask';
import { taskReviewState, type TaskReviewState } from './taskReviewState';

export interface RequestReviewRequest {
  store: TaskStoreLike;
  /** Any folder of the repository. */
  folder: string;
  taskKey: string;
  note?: string;
  actor: Actor;
  now?: () => Date;
  signal?: AbortSignal;
}

/**
 * Records that the task's reviews are asked for, of its branch head: the review SLA runs from
 * then. Refused when the task needs no review.
 */
export async function requestReview(
  request: RequestReviewRequest,
): Promise<{ request: ReviewRequestRecord; state: TaskReviewState }> {
  const loaded = await request.store.read();
  const model = loaded.model;
  const task = model?.byKey.get(request.taskKey);
  if (!model || !task) {
    throw new CoordinatorError('unknownTask', `No task ${request.taskKey} in the task file.`);
  }
  const state = await taskReviewState({
    folder: request.folder,
    model,
    task,
    signal: request.signal,
  });
  if (state.gates.length === 0) {
    throw new CoordinatorError(
      'badInput',
      `${task.key} needs no review: it has no critical_review and no review rule matches its changes${state.pathsUnjudged ? ` (${state.pathsUnjudged})` : ''}.`,
    );
  }
  const record: ReviewRequestRecord = {
    by: request.actor.name,
    at: (request.now ?? (() => new Date()))().toISOString(),
    host: request.actor.host,
  };
  if (state.head) {
    record.commit = state.head;
  }
  if (request.note?.trim()) {
    record.note = request.note.trim();
  }
  await request.store.apply([{ kind: 'appendReviewRequest', taskKey: task.key, request: record }]);
  return { request: record, state };
}
