import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { ReviewGate } from './reviewGates';

export type ReviewState = 'approved' | 'missing' | 'stale' | 'changesRequested';

/** Where one required review stands, from the reviews recorded on the task. */
export interface GateStanding {
  gate: ReviewGate;
  state: ReviewState;
  /** The review that decided the state, when there is one. */
  review?: ReviewRecord;
}

/** Same name, ignoring case and surrounding spaces: how reviewers and owners are compared. */
export function sameActor(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether `name` did the work (owner, starter, overrider, author), so cannot approve it. */
export function isWorker(name: string, workers: readonly string[]): boolean {
  return workers.some((worker) => sameActor(worker, name));
}

/**
 * For each gate, the latest review that counts for it: by its reviewer (by anyone who did not
 * do the work, for a gate without one). A review of another commit than `head` is stale; an
 * approval by someone who did the work never counts.
 */
export function reviewStanding(
  gates: readonly ReviewGate[],
  reviews: readonly ReviewRecord[],
  head: string | undefined,
  workers: readonly string[],
): GateStanding[] {
  return gates.map((gate) => {
    const counting = reviews.filter(
      (review) =>
        !isWorker(review.reviewer, workers) &&
        (gate.reviewer === undefined || sameActor(review.reviewer, gate.reviewer)),
    );
    const latest = counting.reduce<ReviewRecord | undefined>(
      (last, review) => (last === undefined || review.at >= last.at ? review : last),
      undefined,
    );
    if (!latest) {
      return { gate, state: 'missing' };
    }
    if (head !== undefined && latest.commit !== head) {
      return { gate, state: 'stale', review: latest };
    }
    return {
      gate,
      state: latest.verdict === 'approve' ? 'approved' : 'changesRequested',
      review: latest,
    };
  });
}

/** `Claude Code`, or `a reviewer who did not do the work` for a gate without one. */
export function reviewerLabel(gate: ReviewGate): string {
  return gate.reviewer ?? 'a reviewer who did not do the work';
}

/** One phrase per state, for the completion gate's reasons and `coord show`. */
export function standingText(standing: GateStanding): string {
  const review = standing.review;
  const commit = review?.commit ? ` of ${review.commit.slice(0, 10)}` : '';
  switch (standing.state) {
    case 'approved':
      return `approved by ${review!.reviewer} at ${review!.at}`;
    case 'missing':
      return 'no approving review';
    case 'stale':
      return `review by ${review!.reviewer}${commit} is stale: the branch has newer commits`;
    case 'changesRequested':
      return `changes requested by ${review!.reviewer} at ${review!.at}`;
  }
}
