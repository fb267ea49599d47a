import { reviewQueue, type ReviewQueueRequest } from './reviewQueue';

/** One awaited review, as an attention queue lists it. */
export interface AwaitedReview {
  taskKey: string;
  reviewer: string;
  /** ISO time the review has been waiting since (its request, else the branch's last commit). */
  requestedAt?: string;
  ageMs?: number;
  overdue: boolean;
}

/**
 * Every review still awaited on tasks under way, one item per reviewer, oldest first; `overdue`
 * past the SLA (`coordinator.reviews.slaHours`). Pass `{ overdueOnly: true }` for the overdue ones.
 */
export async function awaitedReviews(
  request: ReviewQueueRequest & { overdueOnly?: boolean },
): Promise<AwaitedReview[]> {
  const queue = await reviewQueue(request);
  return queue
    .filter((entry) => !request.overdueOnly || entry.overdue)
    .flatMap((entry) =>
      entry.waitingFor.map((waiting) => ({
        taskKey: entry.taskKey,
        reviewer: waiting.reviewer,
        requestedAt: entry.since,
        ageMs: entry.ageMs,
        overdue: entry.overdue,
      })),
    );
}

/** The overdue reviews only: what another engineer's attention queue consumes. */
export function overdueReviews(request: ReviewQueueRequest): Promise<AwaitedReview[]> {
  return awaitedReviews({ ...request, overdueOnly: true });
}
