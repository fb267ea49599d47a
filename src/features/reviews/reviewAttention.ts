import type { AttentionItem } from '../attention/model/attentionItem';
import type { AttentionSource } from '../attention/attentionSource';
import { reviewQueue, type QueuedReview } from './reviewQueue';

/** Reviews a person owes: each task waiting for a review, overdue ones past the SLA. */
export function reviewAttentionItems(queue: readonly QueuedReview[]): AttentionItem[] {
  return queue.map((review) => {
    const who = review.waitingFor.map((waiting) => waiting.reviewer).join(', ');
    return {
      id: `review:${review.taskKey}:${review.since ?? ''}:${review.overdue ? 'overdue' : 'requested'}`,
      kind: review.overdue ? 'reviewOverdue' : 'reviewRequested',
      title: `${review.taskKey}: review ${review.overdue ? 'overdue' : 'requested'} (${who})`,
      detail: review.waitingFor
        .map((waiting) => `${waiting.reviewer}: ${waiting.state}`)
        .join('; '),
      taskKey: review.taskKey,
      since: review.since,
      target: { kind: 'diff', taskKey: review.taskKey },
    };
  });
}

/** Reviews requested or overdue, from the review queue (git, and the plan's reviewers). */
export const reviewAttentionSource: AttentionSource = {
  name: 'reviews',
  async items({ folder, model, now, signal }) {
    return reviewAttentionItems(await reviewQueue({ folder, model, now: () => now, signal }));
  },
};
