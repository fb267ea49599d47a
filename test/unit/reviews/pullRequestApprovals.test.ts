import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { GitHubService } from '../../../src/features/github/client';
import { readReviewerLogins } from '../../../src/features/reviews/model/pullRequestApprovals';
import { pullRequestReviewRecords } from '../../../src/features/reviews/pullRequestReviews';
import { reviewShortfalls } from '../../../src/features/reviews/reviewShortfalls';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import { FakeGitHub, GitHubOpenApi, openPull } from '../../support/fake-github';
import { isolateGitConfig, type TempRepo } from '../../support/tempRepo';
import { createReviewRepo, headOf, PLAN_PATH } from './fixture';

const TOKEN = 'ghp_reviewGateToken0123456789abcdefXY';

describe('approvals on the task PR by mapped logins (fake GitHub, checked against its OpenAPI description)', function () {
  this.timeout(60_000);
  isolateGitConfig();
  let repo: TempRepo;
  let fake: FakeGitHub;
  let service: GitHubService;
  const logins = readReviewerLogins({ 'Claude Code': ['claude-bot', '@claude-2'], Ops: 'ops' });

  beforeEach(async () => {
    repo = createReviewRepo();
    fake = await FakeGitHub.start({ token: TOKEN, pulls: [openPull(7, 'feat/codex/gated')] });
    service = new GitHubService({
      getToken: async () => TOKEN,
      baseUrl: fake.url,
      configuredApiBaseUrls: [fake.url],
      repository: { owner: fake.state.owner, repo: fake.state.repo },
      retries: 0,
      paceWrites: false,
    });
  });
  afterEach(async () => {
    await fake.close();
    repo.dispose();
  });

  async function shortfallsWithPr() {
    const store = new TaskFileStore(join(repo.root, PLAN_PATH));
    const model = (await store.read()).model!;
    const task = { ...model.byKey.get('t_gated')!, prNumber: 7 };
    return reviewShortfalls({
      folder: dirname(join(repo.root, PLAN_PATH)),
      model,
      task,
      pullRequestReviews: (t) => pullRequestReviewRecords(service, t, logins),
    });
  }

  it('reads the setting tolerantly', () => {
    assert.deepEqual(
      [...readReviewerLogins({ A: ['x', 3, ''], B: 'y', C: [], ' ': ['z'] })],
      [
        ['A', ['x']],
        ['B', ['y']],
      ],
    );
    assert.equal(readReviewerLogins(['x']).size, 0);
  });

  it('counts an approval of the branch head by a mapped login, and not by anyone else', async () => {
    const head = headOf(repo, 'feat/codex/gated');
    fake.state.reviews.set(7, [
      { user: 'someone', state: 'APPROVED', commitId: head },
      { user: 'claude-bot', state: 'COMMENTED', commitId: head },
    ]);
    assert.equal((await shortfallsWithPr()).length, 1, 'an unmapped approval opens nothing');

    fake.state.reviews.set(7, [
      { user: 'claude-2', state: 'APPROVED', commitId: head, submittedAt: '2026-11-29T10:00:00Z' },
    ]);
    assert.deepEqual(await shortfallsWithPr(), []);

    const problems = fake.exchanges
      .filter((exchange) => exchange.template)
      .flatMap((exchange) =>
        GitHubOpenApi.load().validate(
          exchange.template!,
          exchange.method,
          exchange.status,
          exchange.body,
        ),
      );
    assert.deepEqual(problems, []);
    assert.ok(fake.exchanges.some((e) => e.template?.endsWith('/reviews')));
  });

  it('treats an approval of an older commit as stale and a change request as closing the gate', async () => {
    fake.state.reviews.set(7, [
      { user: 'claude-bot', state: 'APPROVED', commitId: 'c'.repeat(40) },
    ]);
    const [stale] = await shortfallsWithPr();
    assert.match(stale!.state, /^review by Claude Code of cccccccccc is stale/);

    const head = headOf(repo, 'feat/codex/gated');
    fake.state.reviews.set(7, [
      {
        user: 'claude-bot',
        state: 'APPROVED',
        commitId: head,
        submittedAt: '2026-11-29T10:00:00Z',
      },
      {
        user: 'claude-bot',
        state: 'CHANGES_REQUESTED',
        commitId: head,
        submittedAt: '2026-11-29T11:00:00Z',
      },
    ]);
    const [changes] = await shortfallsWithPr();
    assert.match(changes!.state, /^changes requested by Claude Code at 2026-11-29T11:00:00Z/);
  });

  it('falls back to the recorded reviews when GitHub cannot be reached, saying so', async () => {
    const lines: string[] = [];
    const task = loadTaskFile(
      JSON.stringify({
        tasks: { core: { t: { name: 'T', status: 'in_progress', pr_number: 404 } } },
      }),
    ).model!.byKey.get('t')!;
    const records = await pullRequestReviewRecords(service, task, logins, (l) => lines.push(l));
    assert.deepEqual(records, []);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^Reviews of PR #404 not read \(.+\); only recorded reviews count\.$/);
  });
});
