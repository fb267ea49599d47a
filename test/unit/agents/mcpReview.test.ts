import assert from 'node:assert/strict';
import type { TempRepo } from '../../support/tempRepo';
import { createReviewRepo, headOf, rawTask } from '../reviews/fixture';
import { connectCoordMcp, resultJson, resultText, type CoordMcp } from './mcpClient';

interface RawHistory {
  status: string;
  from?: string;
  by?: string;
  host?: string;
  at: string;
}

describe('coord mcp review tools: a real MCP client over stdio', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  const open: CoordMcp[] = [];
  const connect = async (env: Record<string, string>, args: string[] = []) => {
    const server = await connectCoordMcp(repo.root, env, args);
    open.push(server);
    return server;
  };

  beforeEach(() => {
    repo = createReviewRepo();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
    repo.dispose();
  });

  it('asks for a review, refuses a self-approval and the completion, then completes once the reviewer approved', async () => {
    const owner = await connect({ COORD_TASK: 't_gated', COORD_AGENT: 'Codex' });
    const { tools } = await owner.client.listTools();
    for (const name of ['review_task', 'request_review', 'show_review']) {
      assert.ok(
        tools.some((tool) => tool.name === name),
        `${name} is listed`,
      );
    }
    const head = headOf(repo, 'feat/codex/gated');

    const requested = await owner.call('request_review', { note: 'matriz core' });
    assert.equal(requested.isError, undefined, resultText(requested));
    const request = rawTask(repo, 't_gated') as unknown as {
      review_requests: { by: string; commit: string; note: string; host: string }[];
    };
    assert.deepEqual(
      request.review_requests.map(({ by, commit, note, host }) => ({ by, commit, note, host })),
      [{ by: 'Codex', commit: head, note: 'matriz core', host: 'mcp' }],
    );
    assert.match(
      String((resultJson(requested).required as string[])[0]),
      /^needed: Claude Code: no approving review \(changes matriz\/core\.py, 2-item checklist\)$/,
    );

    const self = await owner.call('review_task', { verdict: 'approve', checked: [1, 2] });
    assert.equal(self.isError, true);
    assert.equal(
      resultText(self),
      'Codex cannot approve t_gated: they own it or did its work (Codex, Test User).',
    );
    assert.equal(rawTask(repo, 't_gated').reviews, undefined);

    const refused = await owner.call('update_task', { status: 'completed' });
    assert.equal(refused.isError, true);
    assert.match(
      resultText(refused),
      /Claude Code: no approving review \(changes matriz\/core\.py\)/,
    );
    assert.match(resultText(refused), /force: true/);
    assert.equal(rawTask(repo, 't_gated').status, 'in_progress');

    const reviewer = await connect({ COORD_AGENT: 'Claude Code' });
    const shown = resultJson(await reviewer.call('show_review', { task: 'gated' }));
    assert.deepEqual(shown.yourChecklist, ['Tests cover the change', 'No secrets in the diff']);
    assert.equal(shown.head, head);
    const partial = await reviewer.call('review_task', {
      task: 'gated',
      verdict: 'approve',
      checked: [1],
    });
    assert.equal(partial.isError, true);
    assert.match(resultText(partial), /unchecked: 2 \(No secrets in the diff\)/);
    const approved = await reviewer.call('review_task', {
      task: 'gated',
      verdict: 'approve',
      checked: [1, 2],
      note: 'fine',
    });
    assert.equal(approved.isError, undefined, resultText(approved));
    assert.equal(resultJson(approved).counts, true);
    const [review] = rawTask(repo, 't_gated').reviews ?? [];
    assert.deepEqual(
      { reviewer: review?.reviewer, verdict: review?.verdict, commit: review?.commit },
      { reviewer: 'Claude Code', verdict: 'approve', commit: head },
    );
    assert.equal(review?.host, 'mcp');

    const completed = await owner.call('update_task', { status: 'completed' });
    assert.equal(completed.isError, undefined, resultText(completed));
    const task = rawTask(repo, 't_gated') as unknown as {
      status: string;
      status_history: RawHistory[];
    };
    assert.equal(task.status, 'completed');
    assert.deepEqual(
      task.status_history.map(({ status, from, by, host }) => ({ status, from, by, host })),
      [{ status: 'completed', from: 'in_progress', by: 'Codex', host: 'mcp' }],
    );
    assert.ok(!Number.isNaN(Date.parse(task.status_history[0]!.at)));
  });

  it('refuses a request for a task that needs no review, in one line', async () => {
    const owner = await connect({ COORD_TASK: 't_free', COORD_AGENT: 'Codex' });
    const result = await owner.call('request_review', {});
    assert.equal(result.isError, true);
    assert.equal(
      resultText(result),
      't_free needs no review: it has no critical_review and no review rule matches its changes.',
    );
  });
});
