import { apiBaseUrlForHost, parseGitHubRemote } from './remote';

export interface GitHubTargetInput {
  /** URL of the `origin` remote, when there is one. */
  remoteUrl?: string;
  /** Settings; each one overrides what the remote says. */
  owner?: string;
  repo?: string;
  apiBaseUrl?: string;
}

export interface GitHubTarget {
  baseUrl: string;
  repository?: { owner: string; repo: string };
}

/** API base URL and owner/repo from settings first, then from the `origin` remote. */
export function resolveGitHubTarget(input: GitHubTargetInput): GitHubTarget {
  const remote = input.remoteUrl ? parseGitHubRemote(input.remoteUrl) : undefined;
  const baseUrl =
    input.apiBaseUrl?.trim() ||
    (remote ? apiBaseUrlForHost(remote.host) : 'https://api.github.com');
  const owner = input.owner?.trim() || remote?.owner;
  const repo = input.repo?.trim() || remote?.repo;
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    ...(owner && repo ? { repository: { owner, repo } } : {}),
  };
}
