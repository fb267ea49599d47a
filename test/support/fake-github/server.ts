import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, FaultQueue } from './faults';
import {
  checkRunObject,
  combinedStatusObject,
  errorObject,
  labelObject,
  pullRequestObject,
  pullRequestSimpleObject,
  repositoryObject,
  reviewObject,
  type Urls,
} from './objects';
import { emptyState, type FakeRepositoryState } from './state';

/** One request and what the fake answered, kept so tests can count and validate. */
export interface Exchange {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The OpenAPI path template it was routed to, when any. */
  template?: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  conditional: boolean;
  authorized: boolean;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  template?: string;
}

type Handler = (match: RegExpExecArray, req: IncomingMessage, url: URL, body: unknown) => Reply;

const RATE_LIMIT = 5000;

/**
 * A stand-in for api.github.com on 127.0.0.1: the routes the coordinator uses, with pagination
 * (`Link`), ETags (`If-None-Match` → 304), auth and injectable faults.
 */
export class FakeGitHub {
  readonly exchanges: Exchange[] = [];
  private readonly faults = new FaultQueue();
  private remaining = RATE_LIMIT;
  private readonly routes: Array<{
    method: string;
    template: string;
    pattern: RegExp;
    handle: Handler;
  }>;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly state: FakeRepositoryState,
  ) {
    this.routes = this.buildRoutes();
  }

  static async start(state: Partial<FakeRepositoryState> = {}): Promise<FakeGitHub> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGitHub(server, `http://127.0.0.1:${port}`, emptyState(state));
    server.on('request', (req, res) => fake.handle(req, res));
    return fake;
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Requests that reached a route or fault (dropped connections included). */
  requestCount(filter?: (exchange: Exchange) => boolean): number {
    return filter ? this.exchanges.filter(filter).length : this.exchanges.length;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private get urls(): Urls {
    return { api: this.url, web: 'https://github.com' };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.url);
      const method = req.method ?? 'GET';
      const authorization = req.headers.authorization ?? '';
      const authorized =
        this.state.token === undefined ||
        authorization === `token ${this.state.token}` ||
        authorization === `bearer ${this.state.token}`;
      const record = (reply: Reply, headers: Record<string, string>) =>
        this.exchanges.push({
          method,
          path: url.pathname,
          query: url.searchParams,
          ...(reply.template ? { template: reply.template } : {}),
          status: reply.status,
          body: reply.body,
          headers,
          conditional: req.headers['if-none-match'] !== undefined,
          authorized,
        });
      const fault = this.faults.take(method, url.pathname);
      if (fault?.kind === 'dropConnection') {
        record({ status: 0 }, {});
        req.socket.destroy();
        return;
      }
      if (fault && this.sendBroken(fault, res)) {
        record({ status: fault.kind === 'neverAnswer' ? 0 : (fault.status ?? 200) }, {});
        return;
      }
      let reply: Reply;
      if (fault) {
        reply = this.faultReply(fault);
        reply.template = this.route(method, url.pathname)?.template;
      } else if (!authorized) {
        reply = {
          status: 401,
          body: errorObject('Bad credentials', 401),
          template: this.route(method, url.pathname)?.template,
        };
      } else {
        reply = this.dispatch(method, url, req, Buffer.concat(chunks).toString('utf8'));
      }
      const headers = this.send(req, res, reply);
      record(reply.status === 304 ? { ...reply, body: undefined } : reply, headers);
    });
  }

  private send(req: IncomingMessage, res: ServerResponse, reply: Reply): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(this.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      ...reply.headers,
    };
    let text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    let status = reply.status;
    if (req.method === 'GET' && status === 200) {
      const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        status = 304;
        text = '';
        reply.status = 304;
      }
    }
    if (status !== 304 && status < 400 && this.remaining > 0) {
      this.remaining -= 1;
    }
    res.writeHead(status, headers);
    res.end(text);
    return headers;
  }

  /** Answers no real GitHub gives; true when `fault` was one of those and is being sent. */
  private sendBroken(fault: Fault, res: ServerResponse): boolean {
    switch (fault.kind) {
      case 'neverAnswer':
        // Held until the client gives up or the fake closes.
        return true;
      case 'stallBody':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.write('[');
        return true;
      case 'htmlPage':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><body>Sign in to the network</body></html>');
        return true;
      case 'wrongJson':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"ok":true}');
        return true;
      case 'hugeBody':
        this.streamHugeBody(res, fault.bytes ?? 300 * 1024 * 1024, fault.status ?? 200);
        return true;
      default:
        return false;
    }
  }

  private streamHugeBody(res: ServerResponse, bytes: number, status: number): void {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let left = bytes;
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!res.write(piece)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) {
        res.end();
      }
    };
    res.on('close', () => (left = 0));
    pump();
  }

  private faultReply(fault: Fault): Reply {
    const wait = String(fault.retryAfterSeconds ?? 1);
    switch (fault.kind) {
      case 'unauthorized':
        return { status: 401, body: errorObject('Bad credentials', 401) };
      case 'notFound':
        return { status: 404, body: errorObject('Not Found', 404) };
      case 'secondaryRateLimit':
        return {
          status: 403,
          headers: { 'retry-after': wait },
          body: errorObject(
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            403,
          ),
        };
      case 'tooManyRequests':
        return {
          status: 429,
          headers: { 'retry-after': wait },
          body: errorObject(
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            429,
          ),
        };
      case 'primaryRateLimit':
        return {
          status: 403,
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + Number(wait)),
          },
          body: errorObject('API rate limit exceeded for user ID 1.', 403),
        };
      case 'serverError':
        return { status: 502, body: errorObject('Server Error', 502) };
      default:
        return { status: 500, body: errorObject('Unknown fault', 500) };
    }
  }

  private route(method: string, path: string) {
    for (const route of this.routes) {
      if (route.method === method && route.pattern.test(path)) {
        return route;
      }
    }
    return undefined;
  }

  private dispatch(method: string, url: URL, req: IncomingMessage, text: string): Reply {
    const route = this.route(method, url.pathname);
    if (!route) {
      return { status: 404, body: errorObject('Not Found', 404) };
    }
    const match = route.pattern.exec(url.pathname) as RegExpExecArray;
    const [owner, repo] = [decodeURIComponent(match[1] ?? ''), decodeURIComponent(match[2] ?? '')];
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return {
        status: 400,
        body: errorObject('Problems parsing JSON', 400),
        template: route.template,
      };
    }
    if (owner !== this.state.owner || repo !== this.state.repo) {
      return { status: 404, body: errorObject('Not Found', 404), template: route.template };
    }
    return { ...route.handle(match, req, url, body), template: route.template };
  }

  private buildRoutes() {
    const seg = '([^/]+)';
    const repoPath = `^/repos/${seg}/${seg}`;
    const s = this.state;
    const ctx = () => [this.urls, s.owner, s.repo] as const;
    const pullNotFound = (): Reply => ({ status: 404, body: errorObject('Not Found', 404) });
    const findPull = (n: string) => s.pulls.find((pr) => pr.number === Number(n));
    return [
      {
        method: 'GET',
        template: '/repos/{owner}/{repo}',
        pattern: new RegExp(`${repoPath}$`),
        handle: (): Reply => ({ status: 200, body: repositoryObject(...ctx(), s.defaultBranch) }),
      },
      {
        method: 'GET',
        template: '/repos/{owner}/{repo}/pulls',
        pattern: new RegExp(`${repoPath}/pulls$`),
        handle: (_m: RegExpExecArray, _r: IncomingMessage, url: URL): Reply => {
          const wanted = url.searchParams.get('state') ?? 'open';
          // GitHub's `head=owner:branch` (a bare branch name filters nothing).
          const head = /^([^:]+):(.+)$/.exec(url.searchParams.get('head') ?? '');
          const pulls = s.pulls
            .filter((pr) => wanted === 'all' || pr.state === wanted)
            .filter((pr) => !head || (head[1] === s.owner && pr.head === head[2]))
            .sort((a, b) => b.number - a.number);
          return this.page(url, pulls, (pr) =>
            pullRequestSimpleObject(...ctx(), pr, s.defaultBranch),
          );
        },
      },
      {
        method: 'POST',
        template: '/repos/{owner}/{repo}/pulls',
        pattern: new RegExp(`${repoPath}/pulls$`),
        handle: (_m: RegExpExecArray, _r: IncomingMessage, _u: URL, body: unknown): Reply =>
          this.createPull(body),
      },
      {
        method: 'GET',
        template: '/repos/{owner}/{repo}/pulls/{pull_number}',
        pattern: new RegExp(`${repoPath}/pulls/(\\d+)$`),
        handle: (m: RegExpExecArray): Reply => {
          const pr = findPull(m[3] ?? '');
          return pr
            ? { status: 200, body: pullRequestObject(...ctx(), pr, s.defaultBranch) }
            : pullNotFound();
        },
      },
      {
        method: 'GET',
        template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        pattern: new RegExp(`${repoPath}/pulls/(\\d+)/reviews$`),
        handle: (m: RegExpExecArray, _r: IncomingMessage, url: URL): Reply => {
          const n = Number(m[3]);
          if (!findPull(String(n))) {
            return pullNotFound();
          }
          const reviews = s.reviews.get(n) ?? [];
          return this.page(
            url,
            reviews.map((review, index) => ({ review, index })),
            ({ review, index }) => reviewObject(...ctx(), n, review, index),
          );
        },
      },
      {
        method: 'POST',
        template: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
        pattern: new RegExp(`${repoPath}/pulls/(\\d+)/requested_reviewers$`),
        handle: (m: RegExpExecArray, _r: IncomingMessage, _u: URL, body: unknown): Reply => {
          const pr = findPull(m[3] ?? '');
          if (!pr) {
            return pullNotFound();
          }
          const reviewers = (body as { reviewers?: unknown })?.reviewers;
          if (Array.isArray(reviewers)) {
            pr.requestedReviewers.push(...reviewers.map(String));
          }
          return { status: 201, body: pullRequestSimpleObject(...ctx(), pr, s.defaultBranch) };
        },
      },
      {
        method: 'POST',
        template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
        pattern: new RegExp(`${repoPath}/issues/(\\d+)/labels$`),
        handle: (m: RegExpExecArray, _r: IncomingMessage, _u: URL, body: unknown): Reply => {
          const pr = findPull(m[3] ?? '');
          if (!pr) {
            return pullNotFound();
          }
          const labels = (body as { labels?: unknown })?.labels;
          if (Array.isArray(labels)) {
            for (const label of labels.map(String)) {
              if (!pr.labels.includes(label)) {
                pr.labels.push(label);
              }
            }
          }
          return { status: 200, body: pr.labels.map((name) => labelObject(...ctx(), name)) };
        },
      },
      {
        method: 'GET',
        template: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
        pattern: new RegExp(`${repoPath}/commits/${seg}/check-runs$`),
        handle: (m: RegExpExecArray, _r: IncomingMessage, url: URL): Reply => {
          const sha = decodeURIComponent(m[3] ?? '');
          const runs = s.checkRuns.get(sha) ?? [];
          const paged = this.page(url, runs, (run) => checkRunObject(...ctx(), sha, run));
          return { ...paged, body: { total_count: runs.length, check_runs: paged.body } };
        },
      },
      {
        method: 'GET',
        template: '/repos/{owner}/{repo}/commits/{ref}/status',
        pattern: new RegExp(`${repoPath}/commits/${seg}/status$`),
        handle: (m: RegExpExecArray): Reply => {
          const sha = decodeURIComponent(m[3] ?? '');
          return {
            status: 200,
            body: combinedStatusObject(...ctx(), sha, s.statuses.get(sha) ?? [], s.defaultBranch),
          };
        },
      },
    ];
  }

  private createPull(body: unknown): Reply {
    const input = (body ?? {}) as {
      title?: unknown;
      head?: unknown;
      base?: unknown;
      body?: unknown;
      draft?: unknown;
    };
    const head = typeof input.head === 'string' ? input.head : '';
    const base = typeof input.base === 'string' ? input.base : '';
    if (typeof input.title !== 'string' || !head || !base) {
      return {
        status: 422,
        body: errorObject('Validation Failed', 422, [
          { resource: 'PullRequest', code: 'missing_field', field: 'head' },
        ]),
      };
    }
    if (
      this.state.pulls.some((pr) => pr.state === 'open' && pr.head === head && pr.base === base)
    ) {
      return {
        status: 422,
        body: errorObject('Validation Failed', 422, [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `A pull request already exists for ${this.state.owner}:${head}.`,
          },
        ]),
      };
    }
    if (!this.state.branchesWithCommits.has(head)) {
      return {
        status: 422,
        body: errorObject('Validation Failed', 422, [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: `No commits between ${base} and ${head}`,
          },
        ]),
      };
    }
    const number = Math.max(0, ...this.state.pulls.map((pr) => pr.number)) + 1;
    const pr = {
      number,
      title: input.title,
      body: typeof input.body === 'string' ? input.body : null,
      state: 'open' as const,
      merged: false,
      draft: input.draft === true,
      head,
      headSha: createHash('sha1').update(head).digest('hex'),
      base,
      author: 'octocat',
      labels: [],
      requestedReviewers: [],
      mergeable: null,
    };
    this.state.pulls.push(pr);
    return {
      status: 201,
      body: pullRequestObject(
        this.urls,
        this.state.owner,
        this.state.repo,
        pr,
        this.state.defaultBranch,
      ),
    };
  }

  private page<T>(url: URL, items: readonly T[], render: (item: T) => unknown): Reply {
    const perPage = Math.min(
      Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1),
      100,
    );
    const pageCount = Math.max(1, Math.ceil(items.length / perPage));
    const page = Math.min(
      Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1),
      pageCount + 1,
    );
    const slice = items.slice((page - 1) * perPage, page * perPage).map(render);
    const linkTo = (n: number) => {
      const target = new URL(url.pathname + url.search, this.url);
      target.searchParams.set('page', String(n));
      return target.href;
    };
    const links: string[] = [];
    if (page < pageCount) {
      links.push(`<${linkTo(page + 1)}>; rel="next"`, `<${linkTo(pageCount)}>; rel="last"`);
    }
    if (page > 1) {
      links.push(`<${linkTo(1)}>; rel="first"`, `<${linkTo(page - 1)}>; rel="prev"`);
    }
    return {
      status: 200,
      body: slice,
      ...(links.length ? { headers: { link: links.join(', ') } } : {}),
    };
  }
}
