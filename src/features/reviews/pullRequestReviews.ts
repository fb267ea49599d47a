import type { ReviewRecord } from '../../kernel/model/reviews';
import type { Task } from '../../kernel/model/types';
import type { PullRequestReview } from '../github/model/types';
import { reviewsFromPullRequest, type ReviewerLogins } from './model/pullRequestApprovals';

export interface PullRequestReviewSource {
  pullRequestReviews(number: number): Promise<PullRequestReview[]>;
}

/**
 * The reviews on the task's pull request that count for its review gates, by mapped logins.
 * Nothing without a PR or a mapping; when GitHub cannot be reached, a line to `log` and
 * nothing, so the reviews recorded in the task file still decide.
 */
export async function pullRequestReviewRecords(
  source: PullRequestReviewSource,
  task: Task,
  logins: ReviewerLogins,
  log?: (line: string) => void,
): Promise<ReviewRecord[]> {
  if (task.prNumber === undefined || logins.size === 0) {
    return [];
  }
  try {
    return reviewsFromPullRequest(await source.pullRequestReviews(task.prNumber), logins);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log?.(
      `Reviews of PR #${task.prNumber} not read (${reason.replace(/\.$/, '')}); only recorded reviews count.`,
    );
    return [];
  }
}
