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

/** Bodies kept for conditional requests, in all: each is bounded, their number alone is not. */
const DEFAULT_MAX_CACHED_BYTES = 64 * 1024 * 1024;

export class EtagCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxBytes = DEFAULT_MAX_CACHED_BYTES,
  ) {}

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
    this.remove(url);
    this.entries.set(url, entry);
    this.bytes += entry.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.remove(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Characters of the bodies kept. */
  get storedLength(): number {
    return this.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(url: string): void {
    const entry = this.entries.get(url);
    if (entry) {
      this.bytes -= entry.body.length;
      this.entries.delete(url);
    }
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
