import { cliGitHubService } from '../../github/cli/gitHubService';
import { cliSettings, type SettingsValues } from '../../common/cli/settings';
import type { CliContext } from '../../common/cli/command';
import { branchPullRequestLookup, type BranchPullRequestLookup } from '../branchPullRequests';

/** `coord worktrees reap`'s question to GitHub, with the token and API URL `coord pr` uses. */
export async function cliBranchPullRequests(
  root: string,
  values: SettingsValues,
  context: CliContext,
): Promise<BranchPullRequestLookup> {
  const settings = (await cliSettings(values, context, { reads: ['github.'] })).get;
  let clean = (text: string) => text;
  const lookup = branchPullRequestLookup(async () => {
    const connected = await cliGitHubService(root, { settings }, context);
    clean = connected.clean;
    return connected.service;
  });
  return async (branches) => {
    try {
      return await lookup(branches);
    } catch (error) {
      throw new Error(clean(error instanceof Error ? error.message : String(error)));
    }
  };
}
