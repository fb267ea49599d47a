import { cliGitHubService } from '../../github/cli/gitHubService';
import { GitHubError } from '../../github/client';
import { cliSettings, type SettingsValues } from '../../common/cli/settings';
import type { CliContext } from '../../common/cli/command';
import type { BranchPullRequest } from '../model/reapVerdict';

/**
 * The reaper's question to GitHub from `coord worktrees reap`: each branch's pull request, with
 * the token `coord pr` uses. Without a token or a GitHub repository nothing is asked and no PR
 * class is given; any other failure is the survey's note.
 */
export async function cliBranchPullRequests(
  root: string,
  values: SettingsValues,
  context: CliContext,
): Promise<(branches: readonly string[]) => Promise<ReadonlyMap<string, BranchPullRequest>>> {
  const settings = (await cliSettings(values, context, { reads: ['github.'] })).get;
  return async (branches) => {
    const { service, clean } = await cliGitHubService(root, { settings }, context);
    try {
      return await service.branchPullRequests(branches);
    } catch (error) {
      if (
        error instanceof GitHubError &&
        (error.kind === 'noToken' || error.kind === 'noRepository')
      ) {
        return new Map();
      }
      throw new Error(clean(error instanceof Error ? error.message : String(error)));
    }
  };
}
