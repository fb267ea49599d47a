/**
 * A `fetch` for Octokit that makes every GET conditional: it remembers each response's ETag and
 * body, sends `If-None-Match`, and turns GitHub's `304 Not Modified` (which does not count against
 * the rate limit) back into the remembered 200. It also counts requests and bounds their time.
 */

interface CachedResponse {
  etag: string;
  body: string;
  headers: [string, string][];
}

export interface RequestStats {
  requests: number;
  notModified: number;
}

export class EtagCache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(private readonly maxEntries = 1000) {}

  get(url: string): CachedResponse | undefined {
    const entry = this.entries.get(url);
    if (entry) {
      // Map order doubles as recency for eviction.
      this.entries.delete(url);
      this.entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, entry: CachedResponse): void {
    this.entries.delete(url);
    this.entries.set(url, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface CachingFetchOptions {
  cache: EtagCache;
  stats: RequestStats;
  timeoutMs: number;
  base?: typeof fetch;
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') {
    return input;
  }
  return input instanceof URL ? input.href : input.url;
}

export function createCachingFetch(options: CachingFetchOptions): typeof fetch {
  const base = options.base ?? fetch;
  return async (input, init) => {
    options.stats.requests += 1;
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = urlOf(input);
    const headers = new Headers(init?.headers);
    const cached = method === 'GET' ? options.cache.get(url) : undefined;
    if (cached) {
      headers.set('if-none-match', cached.etag);
    }
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const response = await base(input, { ...init, headers, signal });
    if (response.status === 304 && cached) {
      options.stats.notModified += 1;
      const merged = new Headers(cached.headers);
      response.headers.forEach((value, name) => {
        if (name !== 'content-length') {
          merged.set(name, value);
        }
      });
      return new Response(cached.body, { status: 200, headers: merged });
    }
    const etag = response.headers.get('etag');
    if (method === 'GET' && response.status === 200 && etag) {
      const body = await response.text();
      const kept: [string, string][] = [];
      response.headers.forEach((value, name) => {
        if (name !== 'content-encoding' && name !== 'content-length') {
          kept.push([name, value]);
        }
      });
      options.cache.set(url, { etag, body, headers: kept });
      return new Response(body, { status: 200, headers: kept });
    }
    return response;
  };
}
