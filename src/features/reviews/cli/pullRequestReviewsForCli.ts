import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { Task } from '../../../kernel/model/types';
import { mainWorktreeRoot } from '../../../platform/git';
import type { CliContext } from '../../common/cli/command';
import { cliGitHubService } from '../../github/cli/gitHubService';
import { readFolderSettings } from '../../guardrails/workspaceSettings';
import { readReviewerLogins } from '../model/pullRequestApprovals';
import { pullRequestReviewRecords } from '../pullRequestReviews';

export const REVIEWER_LOGINS_SETTING = 'coordinator.reviews.githubLogins';

/**
 * Where the CLI finds approvals on a task's PR: only when the main worktree's
 * `.vscode/settings.json` maps reviewers to
 * GitHub logins. The repository comes from `origin` and the token from the environment or `gh`;
 * it goes to GitHub's own API only, never to a server the repository's files name.
 */
export async function pullRequestReviewsForCli(
  folder: string,
  context: CliContext,
): Promise<((task: Task) => Promise<ReviewRecord[]>) | undefined> {
  const root = (await mainWorktreeRoot(folder).catch(() => undefined)) ?? folder;
  const { settings } = await readFolderSettings(root);
  const logins = readReviewerLogins(settings[REVIEWER_LOGINS_SETTING]);
  if (logins.size === 0) {
    return undefined;
  }
  let github: ReturnType<typeof cliGitHubService> | undefined;
  return async (task) => {
    if (task.prNumber === undefined) {
      return [];
    }
    github ??= cliGitHubService(root, {}, context);
    const { service, clean } = await github;
    return pullRequestReviewRecords(service, task, logins, (line) =>
      context.stderr(`coord: ${clean(line)}\n`),
    );
  };
}
