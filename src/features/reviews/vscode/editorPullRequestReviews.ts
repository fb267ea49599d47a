import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { Task } from '../../../kernel/model/types';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { coordinatorSettings } from '../../common/vscode/settings';
import type { PullRequestStatus } from '../../github/vscode/pullRequestStatus';
import { readReviewerLogins } from '../model/pullRequestApprovals';
import { pullRequestReviewRecords } from '../pullRequestReviews';

/** Approvals on a task's PR for the review gates of one folder, as the editor finds them. */
export type EditorPullRequestReviews = (
  session: FolderSession,
) => ((task: Task) => Promise<ReviewRecord[]>) | undefined;

/**
 * The editor's source of PR approvals: the folder's `coordinator.reviews.githubLogins` and its
 * GitHub connection (VS Code's sign-in), through the code `coord` uses. Nothing without a mapping.
 */
export function editorPullRequestReviews(
  services: CoordinatorServices,
  pullRequests: () => PullRequestStatus | undefined,
): EditorPullRequestReviews {
  return (session) => {
    const logins = readReviewerLogins(
      coordinatorSettings(session.folder.uri).raw('reviews.githubLogins'),
    );
    const status = pullRequests();
    if (logins.size === 0 || !status) {
      return undefined;
    }
    return async (task) => {
      if (task.prNumber === undefined) {
        return [];
      }
      const source = {
        pullRequestReviews: async (n: number) =>
          (await status.forSession(session).service()).pullRequestReviews(n),
      };
      return pullRequestReviewRecords(source, task, logins, (line) => services.log.warn(line));
    };
  };
}
