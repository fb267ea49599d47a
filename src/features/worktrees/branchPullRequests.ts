import type { GitHubService } from '../github/client';
import type { BranchPullRequest } from './model/reapVerdict';

export type BranchPullRequestLookup = (
  branches: readonly string[],
) => Promise<ReadonlyMap<string, BranchPullRequest>>;

/**
 * The reaper's question to GitHub, from any host: each branch's pull request. Without a token or
 * a GitHub repository nothing is known and no pull request class is given; any other failure
 * is thrown, for the survey to note.
 */
export function branchPullRequestLookup(
  service: () => Promise<Pick<GitHubService, 'branchPullRequests'>>,
): BranchPullRequestLookup {
  return async (branches) => {
    try {
      return await (await service()).branchPullRequests(branches);
    } catch (error) {
      // By kind, not class: the editor loads the GitHub client as a bundle of its own.
      const kind = (error as { kind?: unknown } | undefined)?.kind;
      if (kind === 'noToken' || kind === 'noRepository') {
        return new Map();
      }
      throw error;
    }
  };
}
