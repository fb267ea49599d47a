import assert from 'node:assert/strict';
import { deriveDashboard } from '../../../src/features/dashboard/model';
import { criteriaOverTime } from '../../../src/features/metrics/model/criteriaOverTime';
import { successCriteria } from '../../../src/features/metrics/model/successCriteria';
import { loadTaskFile } from '../../../src/kernel/model/load';

const change = (status: string, at: string) => ({ status, at, by: 'Codex', host: 'cli' });
const done = (start: string, end: string) => [
  change('in_progress', start),
  change('completed', end),
];

function planText(tasks: Record<string, unknown>): string {
  return JSON.stringify({ schema_version: '1.0', tasks: { core: tasks } });
}

function measured(text: string, now: Date) {
  const model = loadTaskFile(text).model!;
  return successCriteria({ tasks: model.tasks, guardrails: [], now, slaHours: 24 });
}

describe('success criteria over time', () => {
  // Three days of work: two completions on the 9th (one 31 min over its estimate), a review
  // requested on the 8th and approved 30 h later, one requested on the 10th and still open.
  const text = planText({
    on_time: {
      name: 'On time',
      owner: 'Codex',
      status: 'completed',
      estimated_hours: 2,
      status_history: done('2026-11-09T08:00:00Z', '2026-11-09T10:00:00Z'),
      review_requests: [{ by: 'Codex', at: '2026-11-08T09:00:00Z' }],
      reviews: [
        {
          reviewer: 'Claude Code',
          verdict: 'approve',
          at: '2026-11-09T15:00:00Z',
          checked: [],
        },
      ],
    },
    over: {
      name: 'Over',
      owner: 'Copilot',
      status: 'completed',
      estimated_hours: '30min',
      status_history: done('2026-11-09T11:00:00Z', '2026-11-09T12:01:00Z'),
    },
    open_review: {
      name: 'Open review',
      owner: 'Codex',
      status: 'in_progress',
      status_history: [change('in_progress', '2026-11-08T07:00:00Z')],
      review_requests: [{ by: 'Codex', at: '2026-11-10T06:00:00Z' }],
    },
  });
  const snapshots = [
    { date: '2026-11-08T18:00:00Z', completionPercentage: 0 },
    { date: '2026-11-09T18:00:00Z', completionPercentage: 66.7 },
  ];

  it('counts completions, estimates, reviews and snapshots day by day', () => {
    const now = new Date('2026-11-11T12:00:00Z');
    const { tasks, reviews } = measured(text, now);
    const days = criteriaOverTime({ tasks, reviews, snapshots, slaMs: 24 * 3_600_000, now });
    assert.deepEqual(
      days.map((d) => [
        d.start,
        d.completed,
        d.judged,
        d.outsideEstimate,
        d.reviewsApproved,
        d.reviewsLate,
        d.snapshotDays,
        d.days,
        d.completionPercentage,
      ]),
      [
        ['2026-11-08', 0, 0, 0, 0, 0, 1, 1, 0],
        // The review requested on the 8th passed its 24 h on the 9th and was approved then.
        ['2026-11-09', 2, 2, 1, 1, 1, 1, 1, 66.7],
        ['2026-11-10', 0, 0, 0, 0, 0, 0, 1, undefined],
        // The open request of the 10th is past its SLA today.
        ['2026-11-11', 0, 0, 0, 0, 1, 0, 1, undefined],
      ],
    );
    assert.ok(days.every((d) => d.unit === 'day'));
  });

  it('switches to weeks (Monday to Sunday) once the work goes back two weeks or more', () => {
    const now = new Date('2026-11-30T12:00:00Z'); // a Monday
    const { tasks, reviews } = measured(text, now);
    const weeks = criteriaOverTime({ tasks, reviews, snapshots, slaMs: 24 * 3_600_000, now });
    assert.deepEqual(
      weeks.map((w) => [w.unit, w.start, w.completed, w.reviewsLate, w.snapshotDays, w.days]),
      [
        ['week', '2026-11-02', 0, 0, 1, 7],
        ['week', '2026-11-09', 2, 2, 1, 7],
        ['week', '2026-11-16', 0, 0, 0, 7],
        ['week', '2026-11-23', 0, 0, 0, 7],
        ['week', '2026-11-30', 0, 0, 0, 1],
      ],
    );
  });

  it('is empty before any work is recorded', () => {
    const now = new Date('2026-11-11T12:00:00Z');
    const { tasks, reviews } = measured(
      planText({ a: { name: 'A', owner: 'Codex', status: 'not_started' } }),
      now,
    );
    assert.deepEqual(criteriaOverTime({ tasks, reviews, slaMs: 1, now }), []);
  });

  it("reaches the dashboard, whose conflict criterion comes from the radar's forecast", () => {
    const now = new Date('2026-11-11T12:00:00Z');
    const base = {
      folderName: 'Repo',
      folderUri: 'file:///repo',
      loaded: loadTaskFile(text),
      history: snapshots,
      now,
    };
    const quiet = deriveDashboard(base);
    assert.equal(quiet.successOverTime.length, 4);
    assert.deepEqual(quiet.successOverTime[1], {
      start: '2026-11-09',
      unit: 'day',
      completed: 2,
      judged: 2,
      outsideEstimate: 1,
      reviewsApproved: 1,
      reviewsLate: 1,
      snapshotDays: 1,
      days: 1,
      completionPercentage: 66.7,
    });
    const criterion = (view: typeof quiet) =>
      view.successCriteria.find((c) => c.key === 'conflicts');
    assert.deepEqual(criterion(quiet), {
      key: 'conflicts',
      label: 'No merge conflicts',
      detail: 'the conflict forecast did not run',
    });
    const forecast = deriveDashboard({ ...base, conflictingPairs: ['feat/a × feat/b'] });
    assert.deepEqual(criterion(forecast), {
      key: 'conflicts',
      label: 'No merge conflicts',
      met: false,
      detail: '1 conflicting: feat/a × feat/b',
    });
    assert.equal(criterion(deriveDashboard({ ...base, conflictingPairs: [] }))?.met, true);
  });
});
