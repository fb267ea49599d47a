import type { PullRequestInfo } from './types';

/** The fields of a REST pull request (`pull-request-simple` or `pull-request`) used here. */
export interface RestPullRequestLike {
  number: number;
  title: string;
  html_url: string;
  state: string;
  draft?: boolean;
  merged_at?: string | null;
  updated_at?: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  user?: { login: string } | null;
  labels?: Array<{ name?: string } | string>;
  mergeable?: boolean | null;
  mergeable_state?: string;
}

export function pullRequestFromRest(pr: RestPullRequestLike): PullRequestInfo {
  const state: PullRequestInfo['state'] =
    pr.state === 'open' ? 'open' : pr.merged_at ? 'merged' : 'closed';
  const info: PullRequestInfo = {
    number: pr.number,
    title: pr.title,
    url: pr.html_url,
    state,
    draft: pr.draft === true,
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    labels: (pr.labels ?? [])
      .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
      .filter((name) => name !== ''),
  };
  if (pr.user?.login) {
    info.author = pr.user.login;
  }
  if (pr.updated_at) {
    info.updatedAt = pr.updated_at;
  }
  if (pr.mergeable !== undefined) {
    info.mergeable = pr.mergeable;
  }
  if (pr.mergeable_state !== undefined) {
    info.mergeableState = pr.mergeable_state;
  }
  return info;
}
