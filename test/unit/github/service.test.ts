import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { GitHubService, type GitHubServiceOptions } from '../../../src/features/github/client';
import {
  describeWithPullRequest,
  presentTaskPullRequest,
} from '../../../src/features/github/model/presentation';
import {
  FakeGitHub,
  openPull,
  pullsFromGhPrList,
  type GhPrListEntry,
} from '../../support/fake-github';

const TOKEN = 'ghp_testtoken0123456789abcdefABCDEF01';

function service(fake: FakeGitHub, extra: Partial<GitHubServiceOptions> = {}) {
  const lines: string[] = [];
  const svc = new GitHubService({
    getToken: async () => TOKEN,
    baseUrl: fake.url,
    configuredApiBaseUrls: [fake.url],
    repository: { owner: fake.state.owner, repo: fake.state.repo },
    retries: 1,
    retryBaseMs: 10,
    paceWrites: false,
    log: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    ...extra,
  });
  return { svc, lines };
}

describe('GitHubService against the fake GitHub', function () {
  let fake: FakeGitHub;

  afterEach(() => fake?.close());

  it('lists open PRs once across pages and fetches details for task PRs only', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    for (let n = 1; n <= 250; n++) {
      fake.state.pulls.push(openPull(n, `feat/other-${n}`));
    }
    fake.state.pulls.push(openPull(300, 'feat/codex/task-a'), openPull(301, 'feat/codex/task-b'));
    const tasks = [
      { key: 'a', branch: 'feat/codex/task-a' },
      { key: 'b', branch: 'feat/ignored', prNumber: 301 },
      { key: 'c', branch: 'feat/no-pr' },
    ];
    const { svc } = service(fake);
    const status = await svc.refresh(tasks);

    assert.equal(status.error, undefined);
    assert.equal(status.openPullRequests.length, 252);
    assert.deepEqual(Object.keys(status.tasks).sort(), ['a', 'b']);
    assert.equal(status.tasks.a?.pr.number, 300);
    assert.equal(status.tasks.a?.matchedBy, 'branch');
    assert.equal(status.tasks.b?.pr.number, 301);
    assert.equal(status.tasks.b?.matchedBy, 'prNumber');
    const listPages = fake.requestCount((e) => e.method === 'GET' && e.path.endsWith('/pulls'));
    assert.equal(listPages, 3);
    const checkRequests = fake.exchanges.filter((e) => e.path.endsWith('/check-runs'));
    assert.deepEqual(
      checkRequests.map((e) => e.path.split('/')[5]).sort(),
      [
        openPull(300, 'feat/codex/task-a').headSha,
        openPull(301, 'feat/codex/task-b').headSha,
      ].sort(),
    );
    assert.equal(status.requestCount, fake.exchanges.length);
  });

  it('makes every GET conditional on the next refresh and keeps the data on 304', async () => {
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [openPull(7, 'feat/x')] });
    const { svc } = service(fake);
    const first = await svc.refresh([{ key: 't', branch: 'feat/x' }]);
    const firstCount = fake.exchanges.length;
    const second = await svc.refresh([{ key: 't', branch: 'feat/x' }]);
    const again = fake.exchanges.slice(firstCount);

    assert.ok(again.length > 0);
    assert.ok(again.every((e) => e.conditional && e.status === 304));
    assert.equal(svc.requestStats.notModified, again.length);
    assert.deepEqual(second.tasks, first.tasks);
    assert.notEqual(second.fetchedAt, undefined);
  });

  it('combines check runs and commit statuses, and derives the review decision', async () => {
    const pr = openPull(12, 'feat/checks', { draft: true, mergeable: false });
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [pr] });
    fake.state.checkRuns.set(pr.headSha, [
      { name: 'unit', status: 'completed', conclusion: 'success' },
      { name: 'e2e', status: 'completed', conclusion: 'timed_out' },
    ]);
    fake.state.statuses.set(pr.headSha, [{ context: 'ci/jenkins', state: 'error' }]);
    fake.state.reviews.set(12, [
      { user: 'ann', state: 'APPROVED' },
      { user: 'bob', state: 'CHANGES_REQUESTED' },
    ]);
    const { svc } = service(fake);
    const status = await svc.refresh([{ key: 't', branch: 'feat/checks' }]);
    const task = status.tasks.t;

    assert.equal(task?.ci?.state, 'failure');
    assert.deepEqual(task?.ci?.failing.sort(), ['ci/jenkins', 'e2e']);
    assert.equal(task?.ci?.passed, 1);
    assert.equal(task?.reviewDecision, 'changes_requested');
    assert.equal(task?.pr.draft, true);
    assert.equal(task?.pr.mergeable, false);
  });

  it('reads every page of check runs when a commit has more than 100', async () => {
    const pr = openPull(13, 'feat/many-checks');
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [pr] });
    const runs = Array.from({ length: 130 }, (_, i) => ({
      name: `check-${i}`,
      status: 'completed' as const,
      conclusion: i === 120 ? ('failure' as const) : ('success' as const),
    }));
    fake.state.checkRuns.set(pr.headSha, runs);
    const { svc } = service(fake);
    const status = await svc.refresh([{ key: 't', branch: 'feat/many-checks' }]);
    assert.equal(status.tasks.t?.ci?.state, 'failure');
    assert.deepEqual(status.tasks.t?.ci?.failing, ['check-120']);
    assert.equal(status.tasks.t?.ci?.passed, 129);
    assert.equal(
      fake.requestCount((e) => e.path.endsWith('/check-runs')),
      2,
      'two pages of 100',
    );
  });

  it('finds a merged PR named by pr_number that is no longer open', async () => {
    fake = await FakeGitHub.start({
      token: TOKEN,
      pulls: [openPull(5, 'feat/done', { state: 'closed', merged: true })],
    });
    const { svc } = service(fake);
    const status = await svc.refresh([
      { key: 'done', prNumber: 5 },
      { key: 'typo', prNumber: 404 },
    ]);
    assert.equal(status.error, undefined);
    assert.equal(status.tasks.done?.pr.state, 'merged');
    assert.equal(status.tasks.typo, undefined);
  });

  it('follows every PR of a task split across several: open ones with their checks, merged ones as merged', async () => {
    const first = openPull(442, 'feat/split-a', { state: 'closed', merged: true });
    const second = openPull(443, 'feat/split-b');
    const third = openPull(444, 'feat/split-c');
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [first, second, third] });
    fake.state.checkRuns.set(second.headSha, [
      { name: 'unit', status: 'completed', conclusion: 'success' },
    ]);
    fake.state.checkRuns.set(third.headSha, [
      { name: 'lint', status: 'completed', conclusion: 'failure' },
    ]);
    const { svc } = service(fake);
    const status = await svc.refresh([
      { key: 'split', branch: 'feat/split-a', prNumber: 442, prNumbers: [442, 443, 444] },
    ]);
    const task = status.tasks.split;

    assert.equal(status.error, undefined);
    assert.equal(task?.pr.number, 443, 'the first open PR leads');
    assert.equal(task?.ci?.state, 'success');
    assert.deepEqual(
      task?.others?.map((other) => [other.pr.number, other.pr.state, other.ci?.state]),
      [
        [442, 'merged', undefined],
        [444, 'open', 'failure'],
      ],
    );
    const shown = presentTaskPullRequest(task, status, new Date(status.fetchedAt ?? 0));
    assert.equal(shown?.text, '#443 ✓, #442 merged, #444 ✗ 1 failing');
    assert.equal(shown?.badge, '✗', 'the badge shows the worst open PR');
    assert.match(shown?.badgeTooltip ?? '', /#444/);
    assert.match(shown?.tooltip ?? '', /#442\b[\s\S]*merged[\s\S]*#444\b[\s\S]*failing: lint/);
    assert.equal(
      describeWithPullRequest('2/5 · #442, #443, #444 · Codex', shown!),
      '2/5 · #443 ✓, #442 merged, #444 ✗ 1 failing · Codex',
    );
  });

  it('matches the real PR list: PR #410 belongs to the tasks on chore/claude/coordination-dashboard', async () => {
    const real = JSON.parse(
      readFileSync('test/fixtures/lukhas/pr_status_20251016T053229.json', 'utf8'),
    ) as GhPrListEntry[];
    const loaded = loadTaskFile(readFileSync('test/fixtures/lukhas/task_status.json', 'utf8'));
    const tasks = loaded.model?.tasks ?? [];
    fake = await FakeGitHub.start({
      owner: 'LukhasAI',
      repo: 'Lukhas',
      token: TOKEN,
      pulls: pullsFromGhPrList(real),
    });
    const { svc } = service(fake);
    const status = await svc.refresh(tasks);

    assert.equal(status.error, undefined);
    assert.equal(status.openPullRequests.length, real.length);
    const matched = Object.values(status.tasks).map((t) => [t.taskKey, t.pr.number, t.matchedBy]);
    // cc1 and cc2 both carry that branch in the real file; no other task has an open PR.
    assert.deepEqual(matched, [
      ['cc1_guardrails', 410, 'branch'],
      ['cc2_dashboard', 410, 'branch'],
    ]);
    assert.equal(
      fake.requestCount((e) => e.path.endsWith('/check-runs')),
      1,
    );
  });

  it('waits as Retry-After says on a secondary rate limit, then succeeds', async () => {
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [openPull(3, 'feat/y')] });
    fake.inject({
      kind: 'secondaryRateLimit',
      method: 'GET',
      path: /\/pulls$/,
      retryAfterSeconds: 1,
    });
    const { svc, lines } = service(fake);
    const status = await svc.refresh([{ key: 't', branch: 'feat/y' }]);
    assert.equal(status.error, undefined);
    const lists = fake.exchanges.filter((e) => e.path.endsWith('/pulls'));
    assert.deepEqual(
      lists.map((e) => e.status),
      [403, 200],
    );
    assert.ok(lines.some((line) => /secondary rate limit.*retrying in 1s/.test(line)));
  });

  it('keeps the last known state with its age when rate-limited for longer than it will wait', async () => {
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [openPull(3, 'feat/y')] });
    let now = new Date('2026-01-01T10:00:00Z');
    const { svc } = service(fake, { now: () => now, maxRateLimitWaitSeconds: 5 });
    const good = await svc.refresh([{ key: 't', branch: 'feat/y' }]);
    now = new Date('2026-01-01T10:05:00Z');
    fake.inject({ kind: 'tooManyRequests', retryAfterSeconds: 600 });
    const before = fake.exchanges.length;
    const stale = await svc.refresh([{ key: 't', branch: 'feat/y' }]);

    assert.equal(stale.error?.kind, 'rateLimited');
    assert.equal(stale.error?.retryAt, '2026-01-01T10:15:00.000Z');
    assert.equal(stale.fetchedAt, good.fetchedAt);
    assert.deepEqual(stale.tasks, good.tasks);
    assert.equal(fake.exchanges.length - before, 1);
  });

  it('reads x-ratelimit-reset for a primary rate limit', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    fake.inject({ kind: 'primaryRateLimit', retryAfterSeconds: 3600 });
    const { svc } = service(fake, { maxRateLimitWaitSeconds: 10 });
    const status = await svc.refresh([]);
    assert.equal(status.error?.kind, 'rateLimited');
    assert.ok(status.error?.retryAt && Date.parse(status.error.retryAt) > Date.now() + 3000 * 1000);
  });

  it('does not retry 401 or 404 and says what went wrong', async () => {
    fake = await FakeGitHub.start({ token: 'another-token-value' });
    const unauthorized = await service(fake).svc.refresh([]);
    assert.equal(unauthorized.error?.kind, 'unauthorized');
    assert.equal(fake.exchanges.length, 1);
    await fake.close();

    fake = await FakeGitHub.start({ token: TOKEN });
    const missing = await service(fake, {
      repository: { owner: 'acme', repo: 'nope' },
    }).svc.refresh([]);
    assert.equal(missing.error?.kind, 'notFound');
    assert.match(missing.error?.message ?? '', /acme\/nope was not found/);
    assert.equal(fake.exchanges.length, 1);
  });

  it('retries a dropped connection, and reports the network when it keeps dropping', async () => {
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [openPull(3, 'feat/y')] });
    fake.inject({ kind: 'dropConnection', path: /\/pulls$/ });
    const { svc } = service(fake);
    const recovered = await svc.refresh([{ key: 't', branch: 'feat/y' }]);
    assert.equal(recovered.error, undefined);
    assert.equal(recovered.tasks.t?.pr.number, 3);

    fake.inject({ kind: 'dropConnection', path: /\/pulls$/, times: 10 });
    const down = await svc.refresh([{ key: 't', branch: 'feat/y' }]);
    assert.equal(down.error?.kind, 'network');
    assert.equal(down.tasks.t?.pr.number, 3, 'the last known state stays');
    assert.equal(fake.exchanges.filter((e) => e.status === 0).length, 1 + 2);
  });

  it('reports a missing token without a request', async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    const { svc } = service(fake, { getToken: async () => undefined });
    const status = await svc.refresh([]);
    assert.equal(status.error?.kind, 'noToken');
    assert.equal(fake.exchanges.length, 0);
  });

  it('creates a PR with labels and reviewers, on the default branch', async () => {
    fake = await FakeGitHub.start({ token: TOKEN, defaultBranch: 'trunk' });
    fake.state.branchesWithCommits.add('feat/codex/x');
    const { svc } = service(fake);
    const created = await svc.createPullRequest({
      head: 'feat/codex/x',
      title: 'feat: X',
      body: '## Summary',
      draft: true,
      labels: ['critical-review'],
      reviewers: ['lead'],
    });
    const pr = fake.state.pulls.find((p) => p.number === created.number);
    assert.deepEqual(created.warnings, []);
    assert.equal(pr?.base, 'trunk');
    assert.equal(pr?.draft, true);
    assert.deepEqual(pr?.labels, ['critical-review']);
    assert.deepEqual(pr?.requestedReviewers, ['lead']);
    assert.match(created.url, new RegExp(`/pull/${created.number}$`));
  });

  it("rejects a PR for a branch with no commits with GitHub's reason, without retrying", async () => {
    fake = await FakeGitHub.start({ token: TOKEN });
    const { svc } = service(fake);
    await assert.rejects(
      svc.createPullRequest({
        head: 'feat/empty',
        base: 'main',
        title: 't',
        body: '',
        draft: false,
        labels: [],
        reviewers: [],
      }),
      (error: Error & { kind?: string }) =>
        error.kind === 'validation' &&
        /No commits between main and feat\/empty/.test(error.message),
    );
    assert.equal(
      fake.requestCount((e) => e.method === 'POST'),
      1,
    );
  });
});
