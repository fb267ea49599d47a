import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GitHubService } from '../../../src/features/github/client';
import {
  FakeGitHub,
  GitHubOpenApi,
  openPull,
  pullsFromGhPrList,
  type GhPrListEntry,
} from '../../support/fake-github';

/** Every body the fake sends must match GitHub's published OpenAPI description. */
describe('fake GitHub follows the OpenAPI description', function () {
  let openapi: GitHubOpenApi;
  let fake: FakeGitHub;

  before(async () => {
    openapi = GitHubOpenApi.load();
    const real = JSON.parse(
      readFileSync('test/fixtures/lukhas/pr_status_20251016T053229.json', 'utf8'),
    ) as GhPrListEntry[];
    fake = await FakeGitHub.start({
      owner: 'LukhasAI',
      repo: 'Lukhas',
      token: 'fake-token-123456',
      pulls: pullsFromGhPrList(real),
    });
    const head = fake.state.pulls[0]!;
    fake.state.checkRuns.set(head.headSha, [
      { name: 'test', status: 'completed', conclusion: 'success' },
      { name: 'lint', status: 'in_progress', conclusion: null },
    ]);
    fake.state.statuses.set(head.headSha, [{ context: 'ci/legacy', state: 'failure' }]);
    fake.state.reviews.set(head.number, [{ user: 'reviewer', state: 'APPROVED' }]);
    fake.state.branchesWithCommits.add('feat/new-work');
  });

  after(() => fake.close());

  it('validates every route, success and error alike, through the real client', async () => {
    const service = new GitHubService({
      getToken: async () => 'fake-token-123456',
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: 'LukhasAI', repo: 'Lukhas' },
      retries: 0,
      paceWrites: false,
    });
    const tasks = [
      { key: 'cc2', branch: 'chore/claude/coordination-dashboard' },
      { key: 'old', prNumber: 336 },
      { key: 'gone', prNumber: 9999 },
    ];
    await service.refresh(tasks);
    await service.refresh(tasks);
    await service.createPullRequest({
      head: 'feat/new-work',
      title: 'feat: new work',
      body: 'body',
      draft: true,
      labels: ['critical-review'],
      reviewers: ['reviewer'],
    });
    await assert.rejects(
      service.createPullRequest({
        head: 'feat/empty',
        title: 't',
        body: 'b',
        draft: false,
        labels: [],
        reviewers: [],
      }),
    );
    fake.state.pulls.push(openPull(1, 'closed-branch', { state: 'closed', merged: true }));
    fake.inject({
      kind: 'secondaryRateLimit',
      method: 'GET',
      path: /\/pulls$/,
      retryAfterSeconds: 1,
    });
    fake.inject({ kind: 'tooManyRequests', method: 'GET', path: /\/pulls$/, retryAfterSeconds: 1 });
    await service.refresh([...tasks, { key: 'merged', prNumber: 1 }]);
    await new GitHubService({
      getToken: async () => 'wrong',
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: 'LukhasAI', repo: 'Lukhas' },
    }).refresh(tasks);
    await new GitHubService({
      getToken: async () => 'fake-token-123456',
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: 'LukhasAI', repo: 'missing' },
    }).refresh(tasks);

    const routed = fake.exchanges.filter((exchange) => exchange.template);
    const templates = new Set(routed.map((exchange) => `${exchange.method} ${exchange.template}`));
    for (const expected of [
      'GET /repos/{owner}/{repo}',
      'GET /repos/{owner}/{repo}/pulls',
      'POST /repos/{owner}/{repo}/pulls',
      'GET /repos/{owner}/{repo}/pulls/{pull_number}',
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
      'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
      'GET /repos/{owner}/{repo}/commits/{ref}/status',
      'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    ]) {
      assert.ok(templates.has(expected), `no exchange for ${expected}`);
    }
    const statuses = new Set(routed.map((exchange) => exchange.status));
    for (const status of [200, 201, 304, 401, 403, 404, 422, 429]) {
      assert.ok(statuses.has(status), `no ${status} response was exercised`);
    }
    const problems = routed.flatMap((exchange) =>
      openapi.validate(exchange.template!, exchange.method, exchange.status, exchange.body),
    );
    assert.deepEqual(problems, []);
  });

  it('would catch a drifted body', () => {
    const problems = openapi.validate('/repos/{owner}/{repo}/pulls', 'GET', 200, [
      { number: 'not a number' },
    ]);
    assert.ok(problems.length > 0);
  });
});
