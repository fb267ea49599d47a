import { sameServer } from '../model/tokenHost';
import { GitHubError } from './errors';
import { describeBytes, type ResponseLimits } from '../model/responseLimits';

export interface BoundedFetchOptions {
  /** Requests go to this server only; the token is never sent elsewhere. */
  apiBaseUrl: string;
  limits: ResponseLimits;
  base?: typeof fetch;
}

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') {
    return input;
  }
  return input instanceof URL ? input.href : input.url;
}

/**
 * A `fetch` that asks only the API server, and gives up when it does not answer in time, stalls
 * mid-body, or sends more than the size limit. It returns the body fully read (and so bounded);
 * its failures are `GitHubError`s of kind `untrustedHost`, `timeout` or `tooLarge`.
 */
export function createBoundedFetch(options: BoundedFetchOptions): typeof fetch {
  const base = options.base ?? fetch;
  const { connectTimeoutMs, idleTimeoutMs, maxResponseBytes } = options.limits;
  return async (input, init) => {
    const url = urlOf(input);
    if (!sameServer(url, options.apiBaseUrl)) {
      throw new GitHubError(
        'untrustedHost',
        `Refused a request to ${originOf(url)}: the GitHub token goes to ${originOf(options.apiBaseUrl)} only.`,
      );
    }
    const what = `${(init?.method ?? 'GET').toUpperCase()} ${new URL(url).pathname}`;
    const stopper = new AbortController();
    const signal = init?.signal ? AbortSignal.any([init.signal, stopper.signal]) : stopper.signal;
    const stopAfter = (ms: number, message: string) =>
      setTimeout(() => stopper.abort(new GitHubError('timeout', message)), ms);

    let timer = stopAfter(
      connectTimeoutMs,
      `GitHub did not answer ${what} within ${seconds(connectTimeoutMs)}.`,
    );
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (error) {
      throw stopper.signal.aborted ? stopper.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }

    const tooLarge = () =>
      new GitHubError(
        'tooLarge',
        `GitHub's answer to ${what} is larger than ${describeBytes(maxResponseBytes)}; stopped reading it (limit: coordinator.github.maxResponseMegabytes).`,
        response.status,
      );
    if (Number(response.headers.get('content-length')) > maxResponseBytes) {
      stopper.abort();
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body?.getReader();
    try {
      while (reader) {
        timer = stopAfter(
          idleTimeoutMs,
          `GitHub sent nothing for ${seconds(idleTimeoutMs)} while answering ${what}.`,
        );
        const { done, value } = await reader.read();
        clearTimeout(timer);
        if (done) {
          break;
        }
        received += value.byteLength;
        if (received > maxResponseBytes) {
          stopper.abort();
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    } catch (error) {
      throw stopper.signal.reason instanceof GitHubError ? stopper.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
    const body = NO_BODY_STATUSES.has(response.status) ? null : Buffer.concat(chunks);
    if (response.ok && body !== null && body.length > 0) {
      const problem = notJson(response.headers.get('content-type'), body);
      if (problem) {
        throw new GitHubError(
          'malformed',
          `GitHub's answer to ${what} is not what GitHub sends (${problem}); is the API URL right?`,
          response.status,
        );
      }
    }
    const headers = new Headers(response.headers);
    // The body handed on is already decoded and whole.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/** Every REST answer the coordinator asks for is JSON; why this one is not, if it is not. */
function notJson(contentType: string | null, body: Buffer): string | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json') {
    return `${type || 'no content type'}, not JSON`;
  }
  try {
    JSON.parse(body.toString('utf8'));
    return undefined;
  } catch {
    return 'a JSON body that does not parse';
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return JSON.stringify(url);
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
