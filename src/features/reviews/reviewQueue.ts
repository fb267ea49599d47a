import { readReviewRequests } from '../../kernel/model/reviews';
import type { Task, TaskModel } from '../../kernel/model/types';
import { REVIEW_SLA_HOURS } from './model/reviewAge';
import { reviewerLabel, standingText } from './model/reviewStanding';
import { defaultBranch } from '../../platform/git';
import { mapLimit } from '../../kernel/async/mapLimit';
import { taskReviewState, type TaskReviewRequest } from './taskReviewState';

/** Tasks judged at once: a few git processes in parallel, not one per task. */
const QUEUE_CONCURRENCY = 4;

export interface QueuedReview {
  taskKey: string;
  taskName: string;
  /** Who is awaited, with where their review stands. */
  waitingFor: { reviewer: string; state: string }[];
  /**
   * Since when the review has been waiting (ISO): the latest review request, else the branch
   * head's commit time; absent when neither is known.
   */
  since?: string;
  /** What `since` is: a recorded request, or the branch's last commit. */
  sinceFrom?: 'request' | 'commit';
  ageMs?: number;
  overdue: boolean;
}

export interface ReviewQueueRequest {
  folder: string;
  model: TaskModel;
  now?: () => Date;
  /** `coordinator.reviews.slaHours`; the seeds' 24 by default. */
  slaHours?: number;
  /** Approvals on a task's PR that count too (mapped logins). */
  pullRequestReviews?: TaskReviewRequest['pullRequestReviews'];
  signal?: AbortSignal;
}

/**
 * Tasks under way whose required reviews are not all current approvals, oldest first; a review
 * waiting longer than the SLA (since it was requested, else since the branch's last commit) is
 * overdue.
 */
export async function reviewQueue(request: ReviewQueueRequest): Promise<QueuedReview[]> {
  const now = (request.now ?? (() => new Date()))().getTime();
  const slaMs = (request.slaHours ?? REVIEW_SLA_HOURS) * 3_600_000;
  const underWay = request.model.tasks.filter(
    (task) => task.status !== 'completed' && task.status !== 'not_started',
  );
  const base = await defaultBranch(request.folder, request.signal).catch(() => undefined);
  const states = await mapLimit(underWay, QUEUE_CONCURRENCY, (task) =>
    taskReviewState({
      folder: request.folder,
      model: request.model,
      task,
      base,
      pullRequestReviews: request.pullRequestReviews,
      signal: request.signal,
    }),
  );
  const queue: QueuedReview[] = [];
  underWay.forEach((task, index) => {
    const state = states[index]!;
    const waiting = state.standing.filter((standing) => standing.state !== 'approved');
    if (waiting.length === 0) {
      return;
    }
    const requestedMs = latestRequestMs(task);
    const sinceMs =
      requestedMs ?? (state.headTime !== undefined ? state.headTime * 1000 : undefined);
    const ageMs = sinceMs !== undefined ? Math.max(0, now - sinceMs) : undefined;
    queue.push({
      taskKey: task.key,
      taskName: task.name,
      waitingFor: waiting.map((standing) => ({
        reviewer: reviewerLabel(standing.gate),
        state: standingText(standing),
      })),
      since: sinceMs !== undefined ? new Date(sinceMs).toISOString() : undefined,
      sinceFrom:
        requestedMs !== undefined ? 'request' : sinceMs !== undefined ? 'commit' : undefined,
      ageMs,
      overdue: ageMs !== undefined && ageMs > slaMs,
    });
  });
  return queue.sort((a, b) => (b.ageMs ?? -1) - (a.ageMs ?? -1));
}

function latestRequestMs(task: Task): number | undefined {
  const times = readReviewRequests(task.raw)
    .map((request) => Date.parse(request.at))
    .filter((ms) => !Number.isNaN(ms));
  return times.length > 0 ? Math.max(...times) : undefined;
}
