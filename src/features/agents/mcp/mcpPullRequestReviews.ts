import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { Task } from '../../../kernel/model/types';
import { pullRequestReviewsForCli } from '../../reviews/cli/pullRequestReviewsForCli';

/**
 * Approvals on a task's PR by mapped logins, read as `coord` reads them (the main worktree's
 * settings, the token from the environment); notes go to stderr, never to the protocol stream.
 */
export function mcpPullRequestReviews(
  cwd: string,
): Promise<((task: Task) => Promise<ReviewRecord[]>) | undefined> {
  return pullRequestReviewsForCli(cwd, {
    cwd,
    env: process.env,
    stdout: (text) => process.stderr.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
