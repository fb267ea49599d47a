import type { ReviewRecord } from '../../../kernel/model/reviews';
import type { Task } from '../../../kernel/model/types';
import { mainWorktreeRoot } from '../../../platform/git';
import type { CliContext } from '../../common/cli/command';
import { cliGitHubService } from '../../github/cli/gitHubService';
import { readFolderSettings } from '../../../platform/settings/settingsFiles';
import { readRepositorySettings } from '../../../platform/settings/repositorySettings';
import { trustOf } from '../../../platform/trust/trustStore';
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
  // Restricted: only a trusted repository's settings may say whose approvals count.
  const trusted = (await trustOf(root, { flag: false, env: context.env })) !== undefined;
  const { settings } = trusted ? await readFolderSettings(root) : { settings: {} };
  const logins = readReviewerLogins((settings as Record<string, unknown>)[REVIEWER_LOGINS_SETTING]);
  if (logins.size === 0) {
    return undefined;
  }
  let github: ReturnType<typeof cliGitHubService> | undefined;
  return async (task) => {
    if (task.prNumber === undefined) {
      return [];
    }
    // Untrusted: a repository's own settings never choose the server the token goes to.
    github ??= readRepositorySettings({ folder: root, trusted: false }).then((repository) =>
      cliGitHubService(root, { settings: repository.get }, context),
    );
    const { service, clean } = await github;
    return pullRequestReviewRecords(service, task, logins, (line) =>
      context.stderr(`coord: ${clean(line)}\n`),
    );
  };
}
