import type { TaskModel } from '../../kernel/model/types';
import { REVIEW_SLA_HOURS } from './model/reviewAge';
import { reviewerLabel, standingText } from './model/reviewStanding';
import { taskReviewState } from './taskReviewState';

export interface QueuedReview {
  taskKey: string;
  taskName: string;
  /** Who is awaited, with where their review stands. */
  waitingFor: { reviewer: string; state: string }[];
  /** Since when the review has been waiting: the branch head's commit time (ISO), if known. */
  since?: string;
  ageMs?: number;
  overdue: boolean;
}

export interface ReviewQueueRequest {
  folder: string;
  model: TaskModel;
  now?: () => Date;
  slaHours?: number;
  signal?: AbortSignal;
}

/**
 * Tasks under way whose required reviews are not all current approvals, oldest first; a review
 * waiting since the branch's last commit for longer than the SLA is overdue.
 */
export async function reviewQueue(request: ReviewQueueRequest): Promise<QueuedReview[]> {
  const now = (request.now ?? (() => new Date()))().getTime();
  const slaMs = (request.slaHours ?? REVIEW_SLA_HOURS) * 3_600_000;
  const underWay = request.model.tasks.filter(
    (task) => task.status !== 'completed' && task.status !== 'not_started',
  );
  const queue: QueuedReview[] = [];
  for (const task of underWay) {
    const state = await taskReviewState({
      folder: request.folder,
      model: request.model,
      task,
      signal: request.signal,
    });
    const waiting = state.standing.filter((standing) => standing.state !== 'approved');
    if (waiting.length === 0) {
      continue;
    }
    const sinceMs = state.headTime !== undefined ? state.headTime * 1000 : undefined;
    const ageMs = sinceMs !== undefined ? Math.max(0, now - sinceMs) : undefined;
    queue.push({
      taskKey: task.key,
      taskName: task.name,
      waitingFor: waiting.map((standing) => ({
        reviewer: reviewerLabel(standing.gate),
        state: standingText(standing),
      })),
      since: sinceMs !== undefined ? new Date(sinceMs).toISOString() : undefined,
      ageMs,
      overdue: ageMs !== undefined && ageMs > slaMs,
    });
  }
  return queue.sort((a, b) => (b.ageMs ?? -1) - (a.ageMs ?? -1));
}
