/**
 * Response bodies in GitHub's REST shapes (`simple-user`, `repository`, `pull-request-simple`,
 * `pull-request`, `check-run`, `combined-commit-status`, `pull-request-review`, `label`).
 * `openapi.test.ts` validates them against @octokit/openapi so they cannot drift.
 */

export const FIXED_TIME = '2025-10-16T05:32:29Z';

export interface Urls {
  /** Where the fake listens, e.g. `http://127.0.0.1:PORT`. */
  api: string;
  /** The "web" host for html_url fields. */
  web: string;
}

const nodeId = (kind: string, n: number) => Buffer.from(`${kind}:${n}`).toString('base64');

export function userObject(urls: Urls, login: string, type: 'User' | 'Bot' = 'User') {
  const n = [...login].reduce((sum, ch) => sum + ch.charCodeAt(0), 0);
  const u = `${urls.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id: n,
    node_id: nodeId('User', n),
    avatar_url: `${urls.web}/avatars/${encodeURIComponent(login)}`,
    gravatar_id: '',
    url: u,
    html_url: `${urls.web}/${encodeURIComponent(login)}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    site_admin: false,
  };
}

export function repositoryObject(urls: Urls, owner: string, repo: string, defaultBranch: string) {
  const u = `${urls.api}/repos/${owner}/${repo}`;
  return {
    id: 4100,
    node_id: nodeId('Repository', 4100),
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: userObject(urls, owner),
    private: false,
    html_url: `${urls.web}/${owner}/${repo}`,
    description: null,
    fork: false,
    url: u,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_url: `git://127.0.0.1/${owner}/${repo}.git`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    ssh_url: `git@127.0.0.1:${owner}/${repo}.git`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
    clone_url: `${urls.web}/${owner}/${repo}.git`,
    mirror_url: null,
    hooks_url: `${u}/hooks`,
    svn_url: `${urls.web}/${owner}/${repo}`,
    homepage: null,
    language: 'Python',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'public',
    pushed_at: FIXED_TIME,
    created_at: FIXED_TIME,
    updated_at: FIXED_TIME,
    license: null,
    network_count: 0,
    subscribers_count: 0,
  };
}

export function labelObject(urls: Urls, owner: string, repo: string, name: string) {
  const n = [...name].reduce((sum, ch) => sum * 31 + ch.charCodeAt(0), 7) % 1_000_000;
  return {
    id: n,
    node_id: nodeId('Label', n),
    url: `${urls.api}/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

/** A PR as the fake stores it; the REST bodies are built from it. */
export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  head: string;
  headSha: string;
  base: string;
  author: string;
  authorType?: 'User' | 'Bot';
  labels: string[];
  requestedReviewers: string[];
  mergeable: boolean | null;
}

export function pullRequestSimpleObject(
  urls: Urls,
  owner: string,
  repo: string,
  pr: FakePull,
  defaultBranch: string,
) {
  const u = `${urls.api}/repos/${owner}/${repo}`;
  const html = `${urls.web}/${owner}/${repo}/pull/${pr.number}`;
  const repository = repositoryObject(urls, owner, repo, defaultBranch);
  const author = userObject(urls, pr.author, pr.authorType ?? 'User');
  const link = (href: string) => ({ href });
  return {
    url: `${u}/pulls/${pr.number}`,
    id: 90000 + pr.number,
    node_id: nodeId('PullRequest', pr.number),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${u}/issues/${pr.number}`,
    commits_url: `${u}/pulls/${pr.number}/commits`,
    review_comments_url: `${u}/pulls/${pr.number}/comments`,
    review_comment_url: `${u}/pulls/comments{/number}`,
    comments_url: `${u}/issues/${pr.number}/comments`,
    statuses_url: `${u}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: author,
    body: pr.body,
    labels: pr.labels.map((name) => {
      const label = labelObject(urls, owner, repo, name);
      return { ...label, description: '' };
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: FIXED_TIME,
    updated_at: FIXED_TIME,
    closed_at: pr.state === 'closed' ? FIXED_TIME : null,
    merged_at: pr.merged ? FIXED_TIME : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: pr.requestedReviewers.map((login) => userObject(urls, login)),
    requested_teams: [],
    head: {
      label: `${owner}:${pr.head}`,
      ref: pr.head,
      sha: pr.headSha,
      user: userObject(urls, owner),
      repo: repository,
    },
    base: {
      label: `${owner}:${pr.base}`,
      ref: pr.base,
      sha: 'b'.repeat(40),
      user: userObject(urls, owner),
      repo: repository,
    },
    _links: {
      self: link(`${u}/pulls/${pr.number}`),
      html: link(html),
      issue: link(`${u}/issues/${pr.number}`),
      comments: link(`${u}/issues/${pr.number}/comments`),
      review_comments: link(`${u}/pulls/${pr.number}/comments`),
      review_comment: link(`${u}/pulls/comments{/number}`),
      commits: link(`${u}/pulls/${pr.number}/commits`),
      statuses: link(`${u}/statuses/${pr.headSha}`),
    },
    author_association: 'MEMBER' as const,
    auto_merge: null,
    draft: pr.draft,
  };
}

export function pullRequestObject(
  urls: Urls,
  owner: string,
  repo: string,
  pr: FakePull,
  defaultBranch: string,
) {
  return {
    ...pullRequestSimpleObject(urls, owner, repo, pr, defaultBranch),
    merged: pr.merged,
    mergeable: pr.state === 'open' ? pr.mergeable : null,
    rebaseable: null,
    mergeable_state: pr.mergeable === null ? 'unknown' : pr.mergeable ? 'clean' : 'dirty',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

export interface FakeCheckRun {
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | null;
}

export function checkRunObject(
  urls: Urls,
  owner: string,
  repo: string,
  sha: string,
  run: FakeCheckRun,
) {
  // Stable per commit and name, so an unchanged run keeps its ETag.
  const n = [...`${sha}:${run.name}`].reduce(
    (sum, ch) => (sum * 33 + ch.charCodeAt(0)) % 2_000_000_000,
    5381,
  );
  return {
    id: n,
    head_sha: sha,
    node_id: nodeId('CheckRun', n),
    external_id: null,
    url: `${urls.api}/repos/${owner}/${repo}/check-runs/${n}`,
    html_url: `${urls.web}/${owner}/${repo}/runs/${n}`,
    details_url: `${urls.web}/${owner}/${repo}/runs/${n}`,
    status: run.status,
    conclusion: run.status === 'completed' ? run.conclusion : null,
    started_at: FIXED_TIME,
    completed_at: run.status === 'completed' ? FIXED_TIME : null,
    output: {
      title: null,
      summary: null,
      text: null,
      annotations_count: 0,
      annotations_url: `${urls.api}/repos/${owner}/${repo}/check-runs/${n}/annotations`,
    },
    name: run.name,
    check_suite: { id: 5000 },
    app: null,
    pull_requests: [],
  };
}

export interface FakeStatus {
  context: string;
  state: 'success' | 'failure' | 'error' | 'pending';
}

export function combinedStatusObject(
  urls: Urls,
  owner: string,
  repo: string,
  sha: string,
  statuses: FakeStatus[],
  defaultBranch: string,
) {
  const { owner: repoOwner, ...rest } = repositoryObject(urls, owner, repo, defaultBranch);
  const state = statuses.some((s) => s.state === 'failure' || s.state === 'error')
    ? 'failure'
    : statuses.some((s) => s.state === 'pending') || statuses.length === 0
      ? 'pending'
      : 'success';
  return {
    state,
    statuses: statuses.map((status, index) => ({
      url: `${urls.api}/repos/${owner}/${repo}/statuses/${sha}`,
      avatar_url: null,
      id: index + 1,
      node_id: nodeId('StatusContext', index + 1),
      state: status.state,
      description: null,
      target_url: null,
      context: status.context,
      created_at: FIXED_TIME,
      updated_at: FIXED_TIME,
    })),
    sha,
    total_count: statuses.length,
    repository: { ...rest, owner: repoOwner },
    commit_url: `${urls.api}/repos/${owner}/${repo}/commits/${sha}`,
    url: `${urls.api}/repos/${owner}/${repo}/commits/${sha}/status`,
  };
}

export interface FakeReview {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** The commit reviewed; default `c…c`. */
  commitId?: string;
  submittedAt?: string;
}

export function reviewObject(
  urls: Urls,
  owner: string,
  repo: string,
  prNumber: number,
  review: FakeReview,
  index: number,
) {
  const n = prNumber * 100 + index;
  const html = `${urls.web}/${owner}/${repo}/pull/${prNumber}#pullrequestreview-${n}`;
  return {
    id: n,
    node_id: nodeId('PullRequestReview', n),
    user: userObject(urls, review.user),
    body: '',
    state: review.state,
    html_url: html,
    pull_request_url: `${urls.api}/repos/${owner}/${repo}/pulls/${prNumber}`,
    _links: {
      html: { href: html },
      pull_request: { href: `${urls.api}/repos/${owner}/${repo}/pulls/${prNumber}` },
    },
    submitted_at: review.submittedAt ?? FIXED_TIME,
    commit_id: review.commitId ?? 'c'.repeat(40),
    author_association: 'MEMBER' as const,
  };
}

export function errorObject(
  message: string,
  status: number,
  errors?: Array<Record<string, string>>,
) {
  return {
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
    ...(errors ? { errors } : {}),
  };
}
