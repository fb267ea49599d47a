/** GitHub data as the rest of the coordinator sees it: small, plain, JSON-serialisable. */

export type CiState = 'success' | 'failure' | 'pending' | 'none';

export type ReviewDecision = 'approved' | 'changes_requested' | 'review_required';

export interface CheckItem {
  name: string;
  /** `check` for a check run, `status` for a commit status. */
  source: 'check' | 'status';
  state: 'success' | 'failure' | 'pending' | 'skipped';
  url?: string;
}

export interface CiSummary {
  state: CiState;
  total: number;
  passed: number;
  failed: number;
  pending: number;
  /** Names of failing checks and statuses, for "CI failures" lists. */
  failing: string[];
  items: CheckItem[];
}

export interface PullRequestInfo {
  number: number;
  title: string;
  url: string;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  headRef: string;
  headSha: string;
  baseRef: string;
  author?: string;
  labels: string[];
  /** From `GET /pulls/{n}`: null while GitHub is still computing it. */
  mergeable?: boolean | null;
  mergeableState?: string;
  updatedAt?: string;
}

/** One review submitted on a pull request, as GitHub reports it. */
export interface PullRequestReview {
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  /** The head commit the review was given on. */
  commitId?: string;
  /** ISO time; absent while pending. */
  submittedAt?: string;
}

/** One pull request with what GitHub says about it. */
export interface PullRequestState {
  pr: PullRequestInfo;
  ci?: CiSummary;
  reviewDecision?: ReviewDecision;
}

export interface TaskPullRequestStatus extends PullRequestState {
  taskKey: string;
  /** How the PR was found. */
  matchedBy: 'prNumber' | 'branch';
  /** The task's other recorded PRs (a task split across several), in file order. */
  others?: PullRequestState[];
}

export type GitHubErrorKind =
  | 'noToken'
  | 'noRepository'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'validation'
  | 'network'
  | 'server'
  /** The API root is neither github.com's nor a configured one: the token was not sent. */
  | 'untrustedHost'
  /** Nothing came within the connect or idle time limit. */
  | 'timeout'
  /** The answer passed the size limit; reading stopped there. */
  | 'tooLarge'
  /** The answer is not what GitHub sends for that request. */
  | 'malformed';

export interface GitHubProblem {
  kind: GitHubErrorKind;
  message: string;
  /** When GitHub said when to come back (Retry-After or x-ratelimit-reset), as an ISO time. */
  retryAt?: string;
}

/** The result of the latest refresh, or the last good one with the error that followed it. */
export interface GitHubStatus {
  repository?: { owner: string; repo: string };
  /** ISO time of the last successful refresh; absent when none succeeded yet. */
  fetchedAt?: string;
  openPullRequests: PullRequestInfo[];
  /** By task key. */
  tasks: Record<string, TaskPullRequestStatus>;
  /** Set when the latest refresh failed: the data above is then the last known state. */
  error?: GitHubProblem;
  /** HTTP requests made by the latest refresh (304s included). */
  requestCount: number;
}

/** Milliseconds since the data was fetched, or undefined when it never was. */
export function statusAgeMs(status: GitHubStatus, now: Date): number | undefined {
  return status.fetchedAt === undefined ? undefined : now.getTime() - Date.parse(status.fetchedAt);
}
