import { resolveGitHubTarget, type GitHubTarget } from '../model/target';
import type { GitHubLog } from './octokit';
import { originRemoteUrl } from './remote';
import { GitHubService, type GitHubServiceOptions } from './service';
import type { TokenProvider } from './tokens';

export interface GitHubSettings {
  apiBaseUrl?: string;
  owner?: string;
  repo?: string;
}

/** API URL and owner/repo for the repository at `repoRoot`: settings first, then `origin`. */
export async function gitHubTargetFor(
  repoRoot: string,
  settings: GitHubSettings = {},
): Promise<GitHubTarget> {
  const remoteUrl = await originRemoteUrl(repoRoot).catch(() => undefined);
  return resolveGitHubTarget({ ...settings, ...(remoteUrl ? { remoteUrl } : {}) });
}

/** A `GitHubService` for the repository at `repoRoot`. Nothing is loaded or fetched yet. */
export async function gitHubServiceFor(
  repoRoot: string,
  getToken: TokenProvider,
  settings: GitHubSettings = {},
  extra: Partial<GitHubServiceOptions> & { log?: GitHubLog } = {},
): Promise<GitHubService> {
  const target = await gitHubTargetFor(repoRoot, settings);
  return new GitHubService({
    getToken,
    baseUrl: target.baseUrl,
    repository: target.repository,
    ...extra,
    // Only an API root the user gave is trusted with the token, never one read from `origin`.
    configuredApiBaseUrls: [settings.apiBaseUrl, ...(extra.configuredApiBaseUrls ?? [])],
  });
}
