import { combineChecks } from '../model/checks';
import { matchPullRequests, type TaskPrRef } from '../model/match';
import { taskStatus } from '../model/taskStatus';
import type { PullRequestDraft } from '../model/prRequest';
import { pullRequestFromRest, type RestPullRequestLike } from '../model/rest';
import {
  checkRunsShape,
  combinedStatusShape,
  createdPullRequestShape,
  listOf,
  pullRequestShape,
  repositoryShape,
  reviewsShape,
  reviewsWithUsersShape,
} from '../model/restShape';
import { deriveReviewDecision } from '../model/reviews';
import type {
  GitHubStatus,
  PullRequestInfo,
  PullRequestReview,
  PullRequestState,
  TaskPullRequestStatus,
} from '../model/types';
import { tokenMayGoTo } from '../model/tokenHost';
import { createBoundedFetch } from './boundedFetch';
import { createCachingFetch, EtagCache, type RequestStats } from './cachingFetch';
import { GitHubError, toGitHubError } from './errors';
import { mapLimit } from '../../../kernel/async/mapLimit';
import { createGitHubClient, type GitHubClient, type GitHubLog } from './octokit';
import { redactSecrets } from '../../../kernel/text/redact';
import { DEFAULT_RESPONSE_LIMITS, type ResponseLimits } from '../model/responseLimits';
import type { TokenProvider } from './tokens';

export interface GitHubRepository {
  owner: string;
  repo: string;
}

export interface GitHubServiceOptions {
  getToken: TokenProvider;
  /** REST root: `https://api.github.com`, or `https://HOST/api/v3` for GitHub Enterprise Server. */
  baseUrl: string;
  /**
   * API roots the user configured (GitHub Enterprise, `--api-url`): the token goes to `baseUrl`
   * only when it is api.github.com or one of these. A `baseUrl` taken from the remote is not one.
   */
  configuredApiBaseUrls: readonly (string | undefined)[];
  repository: GitHubRepository | undefined;
  log?: GitHubLog;
  /** Also fetch reviews for a review decision (one request per open task PR). Default true. */
  reviews?: boolean;
  /** Also fetch each open task PR for `mergeable` (one request per open task PR). Default true. */
  mergeable?: boolean;
  maxRateLimitWaitSeconds?: number;
  maxRateLimitRetries?: number;
  retries?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  limits?: Partial<ResponseLimits>;
  concurrency?: number;
  /** Space writes out as GitHub recommends; default true. */
  paceWrites?: boolean;
  now?: () => Date;
}

export interface CreatedPullRequest {
  number: number;
  url: string;
  /** Label or reviewer requests that failed after the PR itself was created. */
  warnings: string[];
}

/** `value` as GitHub sends it for `what`, or a `malformed` error saying what is wrong. */
function expectShape<T>(
  value: unknown,
  shape: (value: unknown) => string | undefined,
  what: string,
): T {
  const problem = shape(value);
  if (problem !== undefined) {
    throw new GitHubError(
      'malformed',
      `GitHub's answer to ${what} is not what GitHub sends (${problem}); is the API URL right?`,
    );
  }
  return value as T;
}

const silentLog: GitHubLog = { info: () => undefined, warn: () => undefined };

/** Check runs read per commit: 500, far past what a pull request carries. */
const MAX_CHECK_RUN_PAGES = 5;

/**
 * GitHub state for the coordinator: open PRs listed once per refresh (paginated), matched to tasks,
 * then checks, statuses, reviews and mergeability for task PRs only. Every GET is conditional
 * (ETag). A failed refresh keeps the last good data and records the error with it.
 */
export class GitHubService {
  private readonly cache = new EtagCache();
  private readonly stats: RequestStats = { requests: 0, notModified: 0 };
  private client: { token: string; octokit: GitHubClient } | undefined;
  private current: GitHubStatus = { openPullRequests: [], tasks: {}, requestCount: 0 };
  private inFlight: Promise<GitHubStatus> | undefined;
  private readonly log: GitHubLog;
  private readonly now: () => Date;

  constructor(private readonly options: GitHubServiceOptions) {
    this.log = options.log ?? silentLog;
    this.now = options.now ?? (() => new Date());
  }

  /** The latest state: fresh, or the last known one with `error` set. */
  get status(): GitHubStatus {
    return this.current;
  }

  /** Totals since creation, for benchmarks and diagnostics. */
  get requestStats(): Readonly<RequestStats> {
    return { ...this.stats };
  }

  /** Refreshes PR state for these tasks. Never throws: failures land in `status.error`. */
  refresh(tasks: readonly TaskPrRef[]): Promise<GitHubStatus> {
    this.inFlight ??= this.refreshNow(tasks).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async refreshNow(tasks: readonly TaskPrRef[]): Promise<GitHubStatus> {
    const before = this.stats.requests;
    const repository = this.options.repository;
    try {
      const octokit = await this.octokit();
      if (!repository) {
        throw new GitHubError(
          'noRepository',
          'No GitHub repository: the origin remote is not on GitHub and no owner/repo is configured.',
        );
      }
      const fresh = await this.fetchStatus(octokit, repository, tasks);
      this.current = { ...fresh, requestCount: this.stats.requests - before };
    } catch (error) {
      const problem = this.asError(
        error,
        repository ? `${repository.owner}/${repository.repo}` : 'repository',
      );
      this.log.warn(`GitHub refresh failed: ${problem.message}`);
      this.current = {
        ...this.current,
        error: problem.toProblem(),
        requestCount: this.stats.requests - before,
      };
    }
    return this.current;
  }

  private async fetchStatus(
    octokit: GitHubClient,
    repository: GitHubRepository,
    tasks: readonly TaskPrRef[],
  ): Promise<GitHubStatus> {
    const { owner, repo } = repository;
    const listed = expectShape<RestPullRequestLike[]>(
      await octokit.paginate(octokit.rest.pulls.list, {
        owner,
        repo,
        state: 'open',
        per_page: 100,
      }),
      listOf(pullRequestShape),
      'the list of open pull requests',
    );
    const open = listed.map(pullRequestFromRest);
    const { matches, unresolvedPrNumbers } = matchPullRequests(tasks, open);
    const concurrency = this.options.concurrency ?? 8;

    const closedByNumber = new Map<number, PullRequestInfo>();
    await mapLimit(unresolvedPrNumbers, concurrency, async (number) => {
      try {
        const { data } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
        closedByNumber.set(
          number,
          pullRequestFromRest(expectShape(data, pullRequestShape, `pull request #${number}`)),
        );
      } catch (error) {
        const problem = this.asError(error, `pull request #${number}`);
        if (problem.kind !== 'notFound') {
          throw problem;
        }
      }
    });

    const taskPrs = new Map<number, PullRequestInfo>();
    for (const match of matches.values()) {
      for (const pr of [match.pr, ...match.others]) {
        taskPrs.set(pr.number, pr);
      }
    }
    const details = new Map<number, PullRequestState>();
    await mapLimit([...taskPrs.values()], concurrency, async (pr) => {
      details.set(pr.number, await this.fetchDetails(octokit, repository, pr));
    });

    const result: Record<string, TaskPullRequestStatus> = {};
    for (const task of tasks) {
      const status = taskStatus(task, matches.get(task.key), details, closedByNumber);
      if (status) {
        result[task.key] = status;
      }
    }
    return {
      repository: { owner, repo },
      fetchedAt: this.now().toISOString(),
      openPullRequests: open,
      tasks: result,
      requestCount: 0,
    };
  }

  private async fetchDetails(
    octokit: GitHubClient,
    { owner, repo }: GitHubRepository,
    pr: PullRequestInfo,
  ): Promise<PullRequestState> {
    const [checkRuns, combined, reviews, full] = await Promise.all([
      this.checkRuns(octokit, { owner, repo }, pr.headSha),
      octokit.rest.repos.getCombinedStatusForRef({ owner, repo, ref: pr.headSha, per_page: 100 }),
      this.options.reviews === false
        ? undefined
        : octokit.rest.pulls.listReviews({ owner, repo, pull_number: pr.number, per_page: 100 }),
      this.options.mergeable === false
        ? undefined
        : octokit.rest.pulls.get({ owner, repo, pull_number: pr.number }),
    ]);
    const what = `pull request #${pr.number}`;
    const merged: PullRequestInfo = full
      ? { ...pr, ...pullRequestFromRest(expectShape(full.data, pullRequestShape, what)) }
      : pr;
    const statuses = expectShape<typeof combined.data>(
      combined.data,
      combinedStatusShape,
      `the commit status of ${what}`,
    ).statuses;
    return {
      pr: merged,
      ci: combineChecks(checkRuns, statuses),
      ...(reviews
        ? {
            reviewDecision: deriveReviewDecision(
              expectShape<typeof reviews.data>(
                reviews.data,
                reviewsShape,
                `the reviews of ${what}`,
              ),
            ),
          }
        : {}),
    };
  }

  /**
   * The commit's check runs, a page of 100 at a time while GitHub says there are more, up to
   * `MAX_CHECK_RUN_PAGES` pages: one request for nearly every commit.
   */
  private async checkRuns(octokit: GitHubClient, { owner, repo }: GitHubRepository, ref: string) {
    const what = `the check runs of ${ref}`;
    const first = await octokit.rest.checks.listForRef({ owner, repo, ref, per_page: 100 });
    expectShape(first.data, checkRunsShape, what);
    const runs = [...first.data.check_runs];
    for (
      let page = 2;
      page <= MAX_CHECK_RUN_PAGES && runs.length < first.data.total_count;
      page++
    ) {
      const next = await octokit.rest.checks.listForRef({ owner, repo, ref, per_page: 100, page });
      expectShape(next.data, checkRunsShape, what);
      if (next.data.check_runs.length === 0) {
        break;
      }
      runs.push(...next.data.check_runs);
    }
    return runs;
  }

  /** Opens a PR and then asks for labels and reviewers; throws `GitHubError` when the PR fails. */
  async createPullRequest(draft: PullRequestDraft): Promise<CreatedPullRequest> {
    const repository = this.options.repository;
    if (!repository) {
      throw new GitHubError(
        'noRepository',
        'No GitHub repository is configured for this workspace.',
      );
    }
    const { owner, repo } = repository;
    const octokit = await this.octokit().catch((error: unknown) => {
      throw this.asError(error, `${owner}/${repo}`);
    });
    let base = draft.base;
    if (!base) {
      try {
        base = expectShape<{ default_branch: string }>(
          (await octokit.rest.repos.get({ owner, repo })).data,
          repositoryShape,
          `${owner}/${repo}`,
        ).default_branch;
      } catch (error) {
        throw this.asError(error, `${owner}/${repo}`);
      }
    }
    let created: { number: number; html_url: string };
    try {
      const answer = (
        await octokit.rest.pulls.create({
          owner,
          repo,
          head: draft.head,
          base,
          title: draft.title,
          body: draft.body,
          draft: draft.draft,
        })
      ).data;
      created = expectShape(answer, createdPullRequestShape, 'the new pull request');
    } catch (error) {
      throw this.asError(error, `${owner}/${repo}`);
    }
    const warnings: string[] = [];
    if (draft.labels.length) {
      await octokit.rest.issues
        .addLabels({ owner, repo, issue_number: created.number, labels: draft.labels })
        .catch((error: unknown) =>
          warnings.push(`Labels not added: ${this.asError(error, 'labels').message}`),
        );
    }
    if (draft.reviewers.length) {
      await octokit.rest.pulls
        .requestReviewers({ owner, repo, pull_number: created.number, reviewers: draft.reviewers })
        .catch((error: unknown) =>
          warnings.push(`Reviewers not requested: ${this.asError(error, 'reviewers').message}`),
        );
    }
    this.log.info(`Opened pull request #${created.number} for ${draft.head}.`);
    return { number: created.number, url: created.html_url, warnings };
  }

  /**
   * The pull request that decides each branch's fate, for the reaper: a merged one if any, else
   * an open one, else the latest closed one. Branches without a pull request are left out. One
   * request per branch (`GET /pulls?head=owner:branch&state=all`); throws when GitHub cannot
   * be asked (no token, no repository, an error), so a caller tells "no PR" from "not known".
   */
  async branchPullRequests(branches: readonly string[]): Promise<Map<string, PullRequestInfo>> {
    const repository = this.options.repository;
    if (!repository) {
      throw new GitHubError(
        'noRepository',
        'No GitHub repository: the origin remote is not on GitHub and no owner/repo is configured.',
      );
    }
    const { owner, repo } = repository;
    const found = new Map<string, PullRequestInfo>();
    try {
      const octokit = await this.octokit();
      await mapLimit([...new Set(branches)], this.options.concurrency ?? 8, async (branch) => {
        const answer = await octokit.rest.pulls.list({
          owner,
          repo,
          state: 'all',
          head: `${owner}:${branch}`,
          per_page: 100,
        });
        const pulls = expectShape<RestPullRequestLike[]>(
          answer.data,
          listOf(pullRequestShape),
          `the pull requests of ${branch}`,
        )
          .map(pullRequestFromRest)
          // The filter is GitHub's; a server that ignores it must not pin other branches' PRs here.
          .filter((pr) => pr.headRef === branch);
        const deciding =
          pulls.find((pr) => pr.state === 'merged') ??
          pulls.find((pr) => pr.state === 'open') ??
          pulls[0];
        if (deciding) {
          found.set(branch, deciding);
        }
      });
    } catch (error) {
      throw this.asError(error, 'the pull requests of the worktree branches');
    }
    return found;
  }

  /** The reviews submitted on pull request `number`, oldest first (up to 100). */
  async pullRequestReviews(number: number): Promise<PullRequestReview[]> {
    const repository = this.options.repository;
    if (!repository) {
      throw new GitHubError(
        'noRepository',
        'No GitHub repository is configured for this workspace.',
      );
    }
    const { owner, repo } = repository;
    const what = `the reviews of pull request #${number}`;
    try {
      const octokit = await this.octokit();
      const answer = await octokit.rest.pulls.listReviews({
        owner,
        repo,
        pull_number: number,
        per_page: 100,
      });
      const reviews = expectShape<
        {
          state: string;
          user: { login: string } | null;
          commit_id?: string | null;
          submitted_at?: string;
        }[]
      >(answer.data, reviewsWithUsersShape, what);
      return reviews.flatMap((review) =>
        review.user
          ? [
              {
                login: review.user.login,
                state: review.state as PullRequestReview['state'],
                ...(review.commit_id ? { commitId: review.commit_id } : {}),
                ...(review.submitted_at ? { submittedAt: review.submitted_at } : {}),
              },
            ]
          : [],
      );
    } catch (error) {
      throw this.asError(error, what);
    }
  }

  private async octokit(): Promise<GitHubClient> {
    const baseUrl = this.options.baseUrl;
    if (!tokenMayGoTo(baseUrl, this.options.configuredApiBaseUrls)) {
      throw new GitHubError(
        'untrustedHost',
        `Not sending the GitHub token to ${baseUrl}: it is neither github.com's API nor a configured GitHub Enterprise URL (to trust it: the setting coordinator.github.apiBaseUrl or github-enterprise.uri in the editor, --api-url for coord).`,
      );
    }
    const token = await this.options.getToken();
    if (!token) {
      this.client = undefined;
      throw new GitHubError(
        'noToken',
        'No GitHub token: sign in to GitHub; for the CLI set GITHUB_TOKEN or GH_TOKEN, or log in with `gh auth login`.',
      );
    }
    if (this.client?.token !== token) {
      this.cache.clear();
      const octokit = await createGitHubClient({
        token,
        baseUrl,
        fetch: createCachingFetch({
          cache: this.cache,
          stats: this.stats,
          timeoutMs: this.options.timeoutMs ?? 60_000,
          base: createBoundedFetch({
            apiBaseUrl: baseUrl,
            limits: { ...DEFAULT_RESPONSE_LIMITS, ...this.options.limits },
          }),
        }),
        log: {
          info: (message) => this.log.info(redactSecrets(message, [token])),
          warn: (message) => this.log.warn(redactSecrets(message, [token])),
        },
        maxRateLimitWaitSeconds: this.options.maxRateLimitWaitSeconds ?? 60,
        maxRateLimitRetries: this.options.maxRateLimitRetries ?? 2,
        retries: this.options.retries ?? 2,
        retryBaseMs: this.options.retryBaseMs ?? 1000,
        paceWrites: this.options.paceWrites ?? true,
      });
      this.client = { token, octokit };
    }
    return this.client.octokit;
  }

  private asError(error: unknown, what: string): GitHubError {
    return toGitHubError(error, what, this.client ? [this.client.token] : [], this.now());
  }
}
