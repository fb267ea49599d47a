import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { Task } from '../../../kernel/model/types';
import { pullRequestReviewsForCli } from '../../reviews/cli/pullRequestReviewsForCli';
import type { McpSession } from './session';

/**
 * Approvals on a task's PR by mapped logins, read as `coord` reads them (the main worktree's
 * settings, the token from the environment); notes go to stderr, never to the protocol stream.
 */
export function mcpPullRequestReviews(
  session: McpSession,
): Promise<((task: Task) => Promise<ReviewRecord[]>) | undefined> {
  return pullRequestReviewsForCli(session.cwd, {
    cwd: session.cwd,
    env: process.env,
    stdout: (text) => process.stderr.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
