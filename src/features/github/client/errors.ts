import type { GitHubErrorKind, GitHubProblem } from '../model/types';
import { redactSecrets } from '../../../kernel/text/redact';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';

/** A GitHub failure with a kind the UI can act on and a message fit to show. Never holds a token. */
export class GitHubError extends CoordinatorError {
  constructor(
    readonly kind: GitHubErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAt?: string,
  ) {
    super('gitHubFailed', message);
    this.name = 'GitHubError';
  }

  toProblem(): GitHubProblem {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.retryAt ? { retryAt: this.retryAt } : {}),
    };
  }
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function validationDetails(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) {
    return undefined;
  }
  const errors = (data as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) {
    return undefined;
  }
  const messages = errors
    .map((item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { message?: unknown }).message === 'string'
        ? (item as { message: string }).message
        : undefined,
    )
    .filter((text): text is string => text !== undefined);
  return messages.length ? messages.join('; ') : undefined;
}

function gitHubMessage(data: unknown): string | undefined {
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  return undefined;
}

/** When GitHub said to come back: `Retry-After` seconds, else the `x-ratelimit-reset` epoch. */
export function retryAtFromHeaders(
  headers: Record<string, string | undefined> | undefined,
  now: Date,
): string | undefined {
  const retryAfter = Number(headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) {
    return new Date(now.getTime() + retryAfter * 1000).toISOString();
  }
  const reset = Number(headers?.['x-ratelimit-reset']);
  if (headers?.['x-ratelimit-remaining'] === '0' && Number.isFinite(reset) && reset > 0) {
    return new Date(reset * 1000).toISOString();
  }
  return undefined;
}

/** Longest server-given text kept in a message: an error page can be megabytes. */
const MAX_DETAIL_LENGTH = 300;

/** One line, at most `MAX_DETAIL_LENGTH` characters. */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH)}…` : line;
}

/**
 * Maps whatever Octokit or fetch threw to a `GitHubError`. `what` names the thing asked for
 * ("owner/repo", "pull request #12") for messages; `secrets` are scrubbed from every message.
 */
export function toGitHubError(
  error: unknown,
  what: string,
  secrets: readonly string[],
  now: Date = new Date(),
): GitHubError {
  if (error instanceof GitHubError) {
    return error;
  }
  // Octokit wraps what its fetch threw; the client's own limits are already worded for people.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof GitHubError) {
    return cause;
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorLike;
  const clean = (text: string) => clip(redactSecrets(text, secrets));
  const status = e.status;
  const response = e.response;
  if (!response) {
    const reason = clean(e.message ?? String(error));
    return new GitHubError('network', `GitHub could not be reached (${reason}).`, status);
  }
  const data = response.data;
  const detail = clean(gitHubMessage(data) ?? e.message ?? `HTTP ${status}`);
  const retryAt = retryAtFromHeaders(response.headers, now);
  const rateLimited =
    status === 429 || (status === 403 && (retryAt !== undefined || /rate limit/i.test(detail)));
  if (rateLimited) {
    const when = retryAt ? ` until ${retryAt}` : '';
    return new GitHubError(
      'rateLimited',
      `GitHub rate limit reached${when}: ${detail}`,
      status,
      retryAt,
    );
  }
  switch (status) {
    case 401:
      return new GitHubError(
        'unauthorized',
        `GitHub rejected the token (401 ${detail}). Sign in again or set GITHUB_TOKEN.`,
        status,
      );
    case 403:
      return new GitHubError(
        'forbidden',
        `GitHub refused access to ${what} (403 ${detail}).`,
        status,
      );
    case 404:
      return new GitHubError(
        'notFound',
        `${what} was not found on GitHub, or the token cannot see it (404).`,
        status,
      );
    case 422: {
      const details = validationDetails(data);
      return new GitHubError(
        'validation',
        clean(details ? `${detail}: ${details}` : detail),
        status,
      );
    }
    default:
      if (status !== undefined && status >= 500) {
        return new GitHubError(
          'server',
          `GitHub answered ${status} for ${what}: ${detail}`,
          status,
        );
      }
      return new GitHubError(
        'server',
        `GitHub answered ${status ?? '?'} for ${what}: ${detail}`,
        status,
      );
  }
}
