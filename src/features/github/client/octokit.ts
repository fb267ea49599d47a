import type { Octokit } from '@octokit/rest';
import { GitHubError } from './errors';
import { redactSecrets } from '../../../kernel/text/redact';

/** Where GitHub client messages go; the extension passes its log channel, the CLI stderr. */
export interface GitHubLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface ClientOptions {
  token: string;
  baseUrl: string;
  fetch: typeof fetch;
  log: GitHubLog;
  /** Give up instead of waiting when GitHub asks for a longer pause than this. */
  maxRateLimitWaitSeconds: number;
  /** Retries of one request after a rate limit (honouring Retry-After / x-ratelimit-reset). */
  maxRateLimitRetries: number;
  /** Retries after network errors and 5xx; other 4xx are never retried. */
  retries: number;
  /** Base of the quadratic back-off between those retries. */
  retryBaseMs: number;
  /** Space writes out as GitHub asks (1 s, 3 s for notifying ones). Tests turn it off. */
  paceWrites: boolean;
}

/** A stand-in for a Bottleneck group that runs jobs at once, for `paceWrites: false`. */
const unpaced = {
  key: () => ({
    schedule: <A extends unknown[], R>(_options: unknown, job: (...args: A) => R, ...args: A) =>
      Promise.resolve().then(() => job(...args)),
  }),
};

export type GitHubClient = Octokit;

let loading: Promise<typeof Octokit> | undefined;

/**
 * Hands the client's own refusals (untrusted host, time and size limits) on as they are, before the
 * retry plugin sees them: asking again would only wait or read as long again.
 */
function ownRefusalsFinal(octokit: { hook: Octokit['hook'] }) {
  octokit.hook.error('request', (error) => {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof GitHubError ? cause : error;
  });
}

/** Imports Octokit and its plugins on first use only, so activation never pays for them. */
export function loadOctokitClass(): Promise<typeof Octokit> {
  loading ??= (async () => {
    const [{ Octokit: Rest }, { throttling }, { retry }] = await Promise.all([
      import('@octokit/rest'),
      import('@octokit/plugin-throttling'),
      import('@octokit/plugin-retry'),
    ]);
    // Plugins register in order and the first error hook runs first.
    return Rest.plugin(ownRefusalsFinal, throttling, retry) as typeof Octokit;
  })();
  return loading;
}

const REQUEST_LOG_LINE = /^[A-Z]+ \S+ - \d+ with id \S+ in \d+ms$/;

function messageOf(parts: unknown[], secrets: string[]): string {
  const text = parts
    .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : ''))
    .filter(Boolean)
    .join(' ');
  return redactSecrets(text, secrets);
}

export async function createGitHubClient(options: ClientOptions): Promise<GitHubClient> {
  const OctokitWithPlugins = await loadOctokitClass();
  const secrets = [options.token];
  const wantRetry =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const retry =
        retryCount < options.maxRateLimitRetries && retryAfter <= options.maxRateLimitWaitSeconds;
      options.log.warn(
        `GitHub ${kind} on ${request.method ?? ''} ${request.url ?? ''}: ${retry ? `retrying in ${retryAfter}s` : 'giving up for now'}`,
      );
      return retry;
    };
  return new OctokitWithPlugins({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: 'agent-coordinator',
    request: { fetch: options.fetch },
    log: {
      debug: () => undefined,
      // Octokit logs every request at info level; that is noise in a CLI or a log channel.
      info: () => undefined,
      warn: (...parts: unknown[]) => options.log.warn(messageOf(parts, secrets)),
      error: (...parts: unknown[]) => {
        const message = messageOf(parts, secrets);
        // The request log's "POST /path - 500 with id …" line: every failure is reported in words.
        if (!REQUEST_LOG_LINE.test(message)) {
          options.log.warn(message);
        }
      },
    },
    throttle: {
      onRateLimit: wantRetry('rate limit'),
      onSecondaryRateLimit: wantRetry('secondary rate limit'),
      ...(options.paceWrites ? {} : { write: unpaced, notifications: unpaced }),
    },
    retry: {
      retries: options.retries,
      retryAfterBaseValue: options.retryBaseMs,
      // 429 is the throttling plugin's to handle, with the pause GitHub asked for.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });
}
