import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { PullRequestReview } from '../../github/model/types';
import { sameActor } from './reviewStanding';

/** `coordinator.reviews.githubLogins`: reviewer (as the rules name it) → GitHub logins. */
export type ReviewerLogins = ReadonlyMap<string, readonly string[]>;

/** The setting's value as a map; anything that is not a list of logins (or one login) is skipped. */
export function readReviewerLogins(value: unknown): ReviewerLogins {
  const map = new Map<string, string[]>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return map;
  }
  for (const [reviewer, logins] of Object.entries(value as Record<string, unknown>)) {
    const list = (Array.isArray(logins) ? logins : [logins]).filter(
      (login): login is string => typeof login === 'string' && login.trim() !== '',
    );
    if (reviewer.trim() && list.length > 0) {
      map.set(
        reviewer.trim(),
        list.map((login) => login.trim().replace(/^@/, '')),
      );
    }
  }
  return map;
}

/**
 * Approvals and change requests on the task's pull request by a mapped login, as reviews by
 * the reviewer the login stands for, of the commit GitHub says was reviewed. Comments, pending
 * and dismissed reviews count for nothing.
 */
export function reviewsFromPullRequest(
  reviews: readonly PullRequestReview[],
  logins: ReviewerLogins,
): ReviewRecord[] {
  const records: ReviewRecord[] = [];
  for (const review of reviews) {
    if (review.state !== 'APPROVED' && review.state !== 'CHANGES_REQUESTED') {
      continue;
    }
    for (const [reviewer, mapped] of logins) {
      if (!mapped.some((login) => sameActor(login, review.login))) {
        continue;
      }
      const record: ReviewRecord = {
        reviewer,
        verdict: review.state === 'APPROVED' ? 'approve' : 'request_changes',
        checked: [],
        at: review.submittedAt ?? '',
        note: `on GitHub by @${review.login}`,
        host: 'github',
      };
      if (review.commitId) {
        record.commit = review.commitId;
      }
      records.push(record);
    }
  }
  return records;
}
