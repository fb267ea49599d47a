import assert from 'node:assert/strict';
import { parseNameStatus } from '../../../src/kernel/git/diffNameStatus';
import { readReviewRules, readReviews, type ReviewRecord } from '../../../src/kernel/model/reviews';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { taskFileJsonSchema } from '../../../src/kernel/schema/jsonSchema';
import { taskFileSchema } from '../../../src/kernel/schema/taskFileSchema';
import { PLAN } from './fixture';
import { reviewGatesFor } from '../../../src/features/reviews/model/reviewGates';
import { reviewStanding } from '../../../src/features/reviews/model/reviewStanding';

const RULES = [
  { paths: ['matriz/', 'lukhas/identity/**'], reviewer: 'Claude Code', checklist: ['a', 'b'] },
  { paths: ['*.sql'], reviewer: 'claude code', checklist: ['b', 'c'] },
  { paths: ['infra/'], reviewer: 'Ops', checklist: [] },
];

describe('review rules, gates and standing (pure)', () => {
  const task = loadTaskFile(
    JSON.stringify({
      tasks: { core: { t: { name: 'T', owner: 'Codex', status: 'in_progress' } } },
    }),
  ).model!.byKey.get('t')!;

  it('parses git name-status output, renames and copies with both paths', () => {
    assert.deepEqual(parseNameStatus('M\0a b.txt\0R087\0old/x\0new/x\0A\0c\0C100\0d\0e\0'), [
      { path: 'a b.txt' },
      { path: 'new/x', oldPath: 'old/x' },
      { path: 'c' },
      { path: 'e', oldPath: 'd' },
    ]);
    assert.deepEqual(parseNameStatus(''), []);
  });

  it('matches gitignore-style globs at any depth and under anchored folders, merging gates per reviewer', () => {
    const gates = (paths: string[]) =>
      reviewGatesFor(
        task,
        [],
        RULES,
        paths.map((path) => ({ path })),
      );
    assert.deepEqual(gates(['docs/matriz.md', 'lukhas/other/x.py']), []);
    assert.deepEqual(gates(['src/matriz/deep/x.py']), [
      { reviewer: 'Claude Code', checklist: ['a', 'b'], because: 'changes src/matriz/deep/x.py' },
    ]);
    assert.deepEqual(gates(['lukhas/identity/id.py', 'db/m.sql', 'infra/main.tf']), [
      {
        reviewer: 'Claude Code',
        checklist: ['a', 'b', 'c'],
        because: 'changes lukhas/identity/id.py; changes db/m.sql',
      },
      { reviewer: 'Ops', checklist: [], because: 'changes infra/main.tf' },
    ]);
    assert.deepEqual(
      reviewGatesFor(task, [], RULES, [{ path: 'src/x.py', oldPath: 'matriz/x.py' }]).map(
        (g) => g.because,
      ),
      ['renames matriz/x.py to src/x.py'],
      'a rename out of a gated path changes it too',
    );
  });

  it('asks each named reviewer of a critical task, or anyone who did not do the work', () => {
    const critical = (fields: Record<string, unknown>) =>
      loadTaskFile(
        JSON.stringify({
          tasks: {
            core: { t: { name: 'T', status: 'in_progress', critical_review: true, ...fields } },
          },
        }),
      ).model!.byKey.get('t')!;
    const reviewersOf = (fields: Record<string, unknown>) =>
      reviewGatesFor(critical(fields), ['x'], [], []).map((g) => g.reviewer);
    assert.deepEqual(reviewersOf({ reviewers: ['Claude Code', 'Ana'] }), ['Claude Code', 'Ana']);
    assert.deepEqual(reviewersOf({ reviewer: 'Claude Code' }), ['Claude Code']);
    assert.deepEqual(reviewersOf({}), [undefined]);
  });

  it('reads rules and reviews tolerantly, naming each rule it cannot read', () => {
    const read = readReviewRules({
      review_rules: [{ paths: 'matriz/', reviewer: 'Claude Code' }, { reviewer: 'x' }, 3],
    });
    assert.deepEqual(read.rules, [{ paths: ['matriz/'], reviewer: 'Claude Code', checklist: [] }]);
    assert.deepEqual(
      read.problems.map((p) => [p.path, p.message]),
      [
        [
          ['review_rules', 1],
          'review rule 2 needs "paths" (a list of globs) and a "reviewer"; it is ignored',
        ],
        [
          ['review_rules', 2],
          'review rule 3 needs "paths" (a list of globs) and a "reviewer"; it is ignored',
        ],
      ],
    );
    const text = '{\n  "review_rules": [\n    { "reviewer": "x" }\n  ],\n  "tasks": {}\n}\n';
    const diagnostics = loadTaskFile(text).diagnostics.filter(
      (d) => d.code === 'invalid-review-rule',
    );
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.line, d.column]),
      [['warning', 3, 5]],
    );
    assert.deepEqual(
      readReviewRules({ review_rules: {} }).problems.map((p) => p.message),
      ['"review_rules" should be a list of rules'],
    );
    assert.equal(
      readReviews({ reviews: [{ reviewer: 'A', verdict: 'maybe', at: 'x' }, 'no'] }).length,
      0,
    );
  });

  it('counts the latest review by the required reviewer on the head, never one by a worker', () => {
    const gate = { reviewer: 'Claude Code', checklist: [], because: 'critical_review' };
    const review = (
      at: string,
      verdict: ReviewRecord['verdict'],
      commit: string,
      reviewer = 'claude code',
    ) => ({ reviewer, verdict, checked: [], at, commit }) satisfies ReviewRecord;
    const states = (reviews: ReviewRecord[], workers: string[] = ['Codex']) =>
      reviewStanding([gate], reviews, 'h2', workers).map((s) => s.state);
    assert.deepEqual(states([]), ['missing']);
    assert.deepEqual(states([review('2026-01-01', 'approve', 'h2')]), ['approved']);
    assert.deepEqual(states([review('2026-01-01', 'approve', 'h1')]), ['stale']);
    assert.deepEqual(
      states([
        review('2026-01-02', 'request_changes', 'h2'),
        review('2026-01-01', 'approve', 'h2'),
      ]),
      ['changesRequested'],
    );
    assert.deepEqual(states([review('2026-01-01', 'approve', 'h2', 'Someone')]), ['missing']);
    assert.deepEqual(states([review('2026-01-01', 'approve', 'h2')], ['Claude Code']), ['missing']);
    const anyone = reviewStanding(
      [{ checklist: [], because: 'critical_review' }],
      [
        review('2026-01-01', 'approve', 'h2', 'Codex'),
        review('2026-01-01', 'approve', 'h2', 'Ana'),
      ],
      'h2',
      ['codex'],
    );
    assert.equal(anyone[0].state, 'approved');
    assert.equal(anyone[0].review?.reviewer, 'Ana');
  });

  it("describes review rules and a task's review fields in the JSON Schema, and accepts the fixture plan", () => {
    const schema = JSON.stringify(taskFileJsonSchema());
    for (const field of ['review_rules', 'review_checklist', 'reviews', 'started_by']) {
      assert.ok(schema.includes(`"${field}"`), field);
    }
    const withReview = structuredClone(PLAN) as Record<string, unknown>;
    (withReview.tasks as { core: Record<string, Record<string, unknown>> }).core.t_gated.reviews = [
      { reviewer: 'Claude Code', verdict: 'approve', checked: [1, 2], at: '2026-11-29T00:00:00Z' },
    ];
    assert.equal(taskFileSchema.safeParse(withReview).success, true);
    const wrongVerdict = structuredClone(withReview) as typeof withReview;
    (wrongVerdict.tasks as { core: Record<string, Record<string, unknown>> }).core.t_gated.reviews =
      [{ reviewer: 'Claude Code', verdict: 'lgtm', at: '2026-11-29T00:00:00Z' }];
    assert.equal(taskFileSchema.safeParse(wrongVerdict).success, false);
  });
});
