import type { ReviewDecision } from './types';

export interface ReviewLike {
  id: number;
  state: string;
  user?: { login: string } | null;
}

/**
 * Approximates GitHub's GraphQL `reviewDecision` from REST reviews: each reviewer's latest
 * approving or change-requesting review counts; comments do not, a dismissal clears. Branch
 * protection (how many approvals are required) is not known here.
 */
export function deriveReviewDecision(reviews: readonly ReviewLike[]): ReviewDecision {
  const latestByUser = new Map<string, string>();
  for (const review of [...reviews].sort((a, b) => a.id - b.id)) {
    const login = review.user?.login ?? `#${review.id}`;
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED') {
      latestByUser.set(login, review.state);
    } else if (review.state === 'DISMISSED') {
      latestByUser.delete(login);
    }
  }
  const states = [...latestByUser.values()];
  if (states.includes('CHANGES_REQUESTED')) {
    return 'changes_requested';
  }
  if (states.includes('APPROVED')) {
    return 'approved';
  }
  return 'review_required';
}
