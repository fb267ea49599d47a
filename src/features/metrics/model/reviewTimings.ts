import { readReviewRequests, readReviews } from '../../../kernel/model/reviews';
import type { Task } from '../../../kernel/model/types';

/** How long a requested review took, or has been waiting. */
export interface ReviewTiming {
  taskKey: string;
  requestedAt: string;
  /** The first approval after the request, when there is one. */
  approvedAt?: string;
  /** Request to approval, or to now while none. */
  waitedMs: number;
  /** Approved within the SLA; false once it is past the SLA without an approval. */
  withinSla?: boolean;
}

/**
 * From each task's first review request to its first approval after it. An open request inside
 * the SLA is not judged yet.
 */
export function reviewTimings(tasks: readonly Task[], now: Date, slaMs: number): ReviewTiming[] {
  const timings: ReviewTiming[] = [];
  for (const task of tasks) {
    const requested = readReviewRequests(task.raw)
      .map((request) => request.at)
      .filter((at) => !Number.isNaN(Date.parse(at)))
      .sort()[0];
    if (requested === undefined) {
      continue;
    }
    const approvedAt = readReviews(task.raw)
      .filter((review) => review.verdict === 'approve' && review.at >= requested)
      .map((review) => review.at)
      .sort()[0];
    const end = approvedAt !== undefined ? Date.parse(approvedAt) : now.getTime();
    const waitedMs = Math.max(0, end - Date.parse(requested));
    const timing: ReviewTiming = { taskKey: task.key, requestedAt: requested, waitedMs };
    if (approvedAt !== undefined) {
      timing.approvedAt = approvedAt;
      timing.withinSla = waitedMs <= slaMs;
    } else if (waitedMs > slaMs) {
      timing.withinSla = false;
    }
    timings.push(timing);
  }
  return timings;
}
