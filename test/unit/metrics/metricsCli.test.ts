import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { overdueReviews } from '../../../src/features/reviews/overdueReviews';
import type { TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { createReviewRepo, PLAN_PATH } from '../reviews/fixture';

interface QueueEntry {
  taskKey: string;
  overdue: boolean;
  sinceFrom?: string;
  since?: string;
}

describe('status history, review SLA and success criteria through the CLI (real git, real processes)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  const planPath = () => join(repo.root, PLAN_PATH);
  const editPlan = (
    edit: (plan: { tasks: { core: Record<string, Record<string, unknown>> } }) => void,
  ) => {
    const plan = JSON.parse(readFileSync(planPath(), 'utf8'));
    edit(plan);
    writeFileSync(planPath(), `${JSON.stringify(plan, null, 2)}\n`);
  };
  const run = async (...args: string[]) => {
    const result = await coord(args, repo.root);
    assert.equal(result.code, 0, `coord ${args.join(' ')}: ${result.stderr}`);
    return result;
  };
  const queue = async (...extra: string[]) =>
    JSON.parse((await run('review', '--queue', '--json', ...extra)).stdout) as QueueEntry[];

  beforeEach(() => {
    repo = createReviewRepo();
  });
  afterEach(() => repo.dispose());

  it('records every status change coord set makes, and measures the time worked without the pause', async () => {
    await run('set', 't_free', '--status', 'blocked');
    await run('set', 't_free', '--status', 'in_progress');
    await run('set', 't_free', '--status', 'in_progress');
    const raw = JSON.parse(readFileSync(planPath(), 'utf8')).tasks.core.t_free;
    assert.deepEqual(
      raw.status_history.map((c: Record<string, string>) => [c.status, c.from, c.by, c.host]),
      [
        ['blocked', 'in_progress', 'Test User', 'cli'],
        ['in_progress', 'blocked', 'Test User', 'cli'],
      ],
      'a status set to what it already is records nothing',
    );
    const measured = JSON.parse((await run('metrics', '--json', '--no-conflicts')).stdout) as {
      tasks: { taskKey: string; times: { source: string; startedAt?: string } }[];
      criteria: { key: string }[];
      overTime: { start: string; unit: string; completed: number; days: number }[];
    };
    const free = measured.tasks.find((t) => t.taskKey === 't_free');
    assert.equal(free?.times.source, 'history');
    assert.equal(free?.times.startedAt, raw.status_history[1].at);
    assert.deepEqual(
      measured.criteria.map((c) => c.key),
      ['execution', 'reviews', 'conflicts', 'snapshots', 'guardrails'],
    );
    const text = (await run('metrics')).stdout;
    assert.match(text, /^Success criteria:\n/);
    assert.match(text, /No merge conflicts: no live branches conflict/);
    assert.match(
      text,
      /n\/a {5}Daily snapshots generated: work started today; 0 snapshots so far\n/,
    );
    assert.match(text, /\n {2}Codex: 0 of 2 completed/);
    // Work started today: one day so far, nothing completed, no snapshot yet.
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(
      measured.overTime.map((p) => [p.start, p.unit, p.completed, p.days]),
      [[today, 'day', 0, 1]],
    );
    assert.match(
      text,
      new RegExp(
        `\nDay by day:\n {2}${today} {2}0 completed; 0 reviews approved; snapshots on 0 of 1 days\n`,
      ),
    );
  });

  it('flags a review overdue after coordinator.reviews.slaHours, from its request when one is recorded', async () => {
    assert.deepEqual(
      (await queue()).map((e) => [e.taskKey, e.overdue, e.sinceFrom]).sort(),
      [
        ['t_gated', false, 'commit'],
        ['t_rename', false, 'commit'],
        ['t_critical', false, undefined],
      ].sort(),
    );
    assert.equal((await run('review', '--queue', '--overdue')).stdout, 'No review is overdue.\n');

    editPlan((plan) => {
      plan.tasks.core.t_rename.review_requests = [{ by: 'Copilot', at: '2026-01-01T00:00:00Z' }];
    });
    const requested = (await queue()).find((e) => e.taskKey === 't_rename');
    assert.deepEqual(
      [requested?.overdue, requested?.sinceFrom, requested?.since],
      [true, 'request', '2026-01-01T00:00:00.000Z'],
    );
    const text = (await run('review', '--queue', '--overdue')).stdout;
    assert.match(
      text,
      /^t_rename {2}Moves a file into identity {2}waiting \d+ d( \d+ h)? since requested {2}OVERDUE \(over 24 h\)\n/,
    );
    assert.doesNotMatch(text, /t_gated/);

    repo.write('.vscode/settings.json', JSON.stringify({ 'coordinator.reviews.slaHours': 0 }));
    assert.deepEqual(
      (await queue('--overdue')).map((e) => e.taskKey).sort(),
      ['t_gated', 't_rename'],
      'with an SLA of 0 h, every review with a known age is overdue',
    );

    const asked = await run('review', 't_gated', '--request', '--note', 'please look');
    assert.match(
      asked.stdout,
      /^Test User asked for the review of [0-9a-f]{10} of t_gated:\n {4}Claude Code: no approving review\n$/,
    );
    const gated = (await queue()).find((e) => e.taskKey === 't_gated');
    assert.deepEqual([gated?.sinceFrom, gated?.overdue], ['request', true], 'an SLA of 0 h');
    const refused = await coord(['review', 't_free', '--request'], repo.root);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      'coord: t_free needs no review: it has no critical_review and no review rule matches its changes.\n',
    );

    const loaded = loadTaskFile(readFileSync(planPath(), 'utf8'));
    const items = await overdueReviews({ folder: repo.root, model: loaded.model!, slaHours: 24 });
    assert.deepEqual(
      items.map(({ taskKey, reviewer, requestedAt, overdue }) => ({
        taskKey,
        reviewer,
        requestedAt,
        overdue,
      })),
      [
        {
          taskKey: 't_rename',
          reviewer: 'Claude Code',
          requestedAt: '2026-01-01T00:00:00.000Z',
          overdue: true,
        },
      ],
    );
    assert.ok((items[0]?.ageMs ?? 0) > 24 * 3_600_000);
  });

  it("writes the team's dashboard into the snapshot: criteria, risks, next actions, by owner and priority, progress changes", async () => {
    editPlan((plan) => {
      plan.tasks.core.t_rename.review_requests = [{ by: 'Copilot', at: '2026-01-01T00:00:00Z' }];
      plan.tasks.core.t_free.progress = { total_steps: 4, completed_steps: 1 };
      plan.tasks.core.t_free.priority = 'high';
    });
    await run('snapshot', '--offline');
    await run('set', 't_free', '--progress', '3/4');
    const out = (await run('snapshot', '--offline', '--json')).stdout;
    const document = JSON.parse(out) as { files: { markdown: string }; nextActions: string[] };
    const markdown = readFileSync(document.files.markdown, 'utf8');
    for (const heading of [
      '## Success criteria',
      '## Risks',
      '## Next actions',
      '## By owner',
      '## By priority',
    ]) {
      assert.ok(markdown.includes(`\n${heading}\n`), `${heading} is in the Markdown`);
    }
    assert.match(markdown, /- Review of `t_rename` by Claude Code is overdue, waiting \d+ h/);
    assert.match(markdown, /\n1\. Claude Code: review t_rename \(overdue\)\.\n/);
    assert.match(markdown, /- Touches docs only \(`t_free`\): progress 25% → 75%/);
    assert.match(markdown, /\| Codex \| 2 \| 0 \| 2 \| 0 \| 0 \|/);
    assert.match(markdown, /\| high \| 1 \| 0 \| 1 \| 0 \| 0 \|/);
    assert.match(markdown, /\| Daily snapshots generated \|/);
    assert.deepEqual(document.nextActions, ['Claude Code: review t_rename (overdue).']);
  });
});
