import assert from 'node:assert/strict';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { TaskModel } from '../../../src/kernel/model/types';
import { successCriteria } from '../../../src/features/metrics/model/successCriteria';
import { taskTimes } from '../../../src/features/metrics/model/taskTimes';

const NOW = new Date('2026-11-10T12:00:00Z');

function model(tasks: Record<string, unknown>, extra: Record<string, unknown> = {}): TaskModel {
  const loaded = loadTaskFile(
    JSON.stringify({ schema_version: '1.0', tasks: { core: tasks }, ...extra }),
  );
  assert.ok(loaded.model);
  return loaded.model;
}

const change = (status: string, at: string, from?: string) => ({
  status,
  at,
  ...(from ? { from } : {}),
  by: 'Codex',
  host: 'cli',
});

describe('success criteria: time worked, estimates, reviews, snapshots, guardrails', () => {
  it('counts time in progress and leaves out time blocked or waiting', () => {
    const plan = model({
      a: {
        name: 'A',
        owner: 'Codex',
        status: 'completed',
        estimated_hours: 3,
        status_history: [
          change('in_progress', '2026-11-09T08:00:00Z', 'not_started'),
          change('blocked', '2026-11-09T09:00:00Z', 'in_progress'),
          change('in_progress', '2026-11-09T13:00:00Z', 'blocked'),
          change('waiting', '2026-11-09T14:00:00Z', 'in_progress'),
          change('in_progress', '2026-11-09T15:00:00Z', 'waiting'),
          change('completed', '2026-11-09T16:10:00Z', 'in_progress'),
        ],
      },
    });
    const times = taskTimes(plan.tasks[0]!, NOW);
    assert.deepEqual(times, {
      startedAt: '2026-11-09T08:00:00Z',
      completedAt: '2026-11-09T16:10:00Z',
      actualMs: (60 + 60 + 70) * 60_000,
      pausedMs: 5 * 3_600_000,
      pauses: 2,
      source: 'history',
    });
  });

  it('flags a completed task more than 30 min off its estimate, per task and per owner', () => {
    const done = (start: string, end: string) => [
      change('in_progress', start, 'not_started'),
      change('completed', end, 'in_progress'),
    ];
    const plan = model({
      close: {
        name: 'Close',
        owner: 'Codex',
        status: 'completed',
        estimated_hours: '2h',
        status_history: done('2026-11-09T08:00:00Z', '2026-11-09T10:25:00Z'),
      },
      over: {
        name: 'Over',
        owner: 'Codex + Copilot',
        status: 'completed',
        estimated_hours: '30min',
        status_history: done('2026-11-09T08:00:00Z', '2026-11-09T09:01:00Z'),
      },
      running: {
        name: 'Running',
        owner: 'Copilot',
        status: 'in_progress',
        estimated_hours: 1,
        status_history: [change('in_progress', '2026-11-10T11:00:00Z', 'not_started')],
      },
    });
    const measured = successCriteria({ tasks: plan.tasks, guardrails: [], now: NOW, slaHours: 24 });
    const byKey = new Map(measured.tasks.map((t) => [t.taskKey, t]));
    assert.equal(byKey.get('close')?.withinEstimate, true);
    assert.equal(byKey.get('close')?.deltaMs, 25 * 60_000);
    assert.equal(byKey.get('over')?.withinEstimate, false);
    assert.equal(byKey.get('over')?.deltaMs, 31 * 60_000);
    assert.equal(byKey.get('running')?.withinEstimate, undefined, 'not judged before completion');
    assert.equal(byKey.get('running')?.times.actualMs, 3_600_000, 'the open span runs to now');
    const execution = measured.criteria.find((c) => c.key === 'execution');
    assert.deepEqual(execution, {
      key: 'execution',
      label: 'Execution within estimate ±30 min',
      met: false,
      detail: '1 of 2 outside: over',
    });
    assert.deepEqual(
      measured.owners.map((o) => [o.owner, o.tasks, o.completed, o.judged, o.outside]),
      [
        ['Codex', 2, 2, 2, 1],
        ['Copilot', 2, 1, 1, 1],
      ],
    );
  });

  it('falls back on started_at, then hours_spent, and says so', () => {
    const plan = model({
      started: {
        name: 'S',
        owner: 'Codex',
        status: 'in_progress',
        started_at: '2026-11-10T10:00:00Z',
      },
      spent: { name: 'H', owner: 'Codex', status: 'completed', hours_spent: 2.5 },
      nothing: { name: 'N', owner: 'Codex', status: 'not_started' },
    });
    const [started, spent, nothing] = plan.tasks.map((task) => taskTimes(task, NOW));
    assert.equal(started?.source, 'startedAt');
    assert.equal(started?.actualMs, 2 * 3_600_000);
    assert.equal(spent?.source, 'hoursSpent');
    assert.equal(spent?.actualMs, 2.5 * 3_600_000);
    assert.equal(nothing?.source, 'none');
    assert.equal(nothing?.actualMs, undefined);
  });

  it('times reviews from request to approval against the SLA; an open one is late only once past it', () => {
    const plan = model({
      quick: {
        name: 'Q',
        owner: 'Codex',
        status: 'in_progress',
        review_requests: [{ by: 'Codex', at: '2026-11-09T08:00:00Z' }],
        reviews: [
          { reviewer: 'Claude Code', verdict: 'approve', checked: [], at: '2026-11-09T20:00:00Z' },
        ],
      },
      slow: {
        name: 'S',
        owner: 'Codex',
        status: 'in_progress',
        review_requests: [{ by: 'Codex', at: '2026-11-08T08:00:00Z' }],
        reviews: [
          {
            reviewer: 'Claude Code',
            verdict: 'request_changes',
            checked: [],
            at: '2026-11-08T09:00:00Z',
          },
          { reviewer: 'Claude Code', verdict: 'approve', checked: [], at: '2026-11-09T09:00:00Z' },
        ],
      },
      open: {
        name: 'O',
        owner: 'Codex',
        status: 'in_progress',
        review_requests: [{ by: 'Codex', at: '2026-11-10T06:00:00Z' }],
      },
      overdue: {
        name: 'D',
        owner: 'Codex',
        status: 'in_progress',
        review_requests: [{ by: 'Codex', at: '2026-11-09T06:00:00Z' }],
      },
    });
    const measured = successCriteria({ tasks: plan.tasks, guardrails: [], now: NOW, slaHours: 24 });
    assert.deepEqual(
      measured.reviews.map((r) => [r.taskKey, r.waitedMs / 3_600_000, r.withinSla]),
      [
        ['quick', 12, true],
        ['slow', 25, false],
        ['open', 6, undefined],
        ['overdue', 30, false],
      ],
    );
    assert.deepEqual(
      measured.criteria.find((c) => c.key === 'reviews'),
      {
        key: 'reviews',
        label: 'Reviews completed within 24 h',
        met: false,
        detail: '2 of 3 late: slow, overdue',
      },
    );
  });

  it('wants a snapshot every day since work started, required guardrails passed, and no conflicts', () => {
    const plan = model(
      {
        a: {
          name: 'A',
          owner: 'Codex',
          status: 'in_progress',
          status_history: [change('in_progress', '2026-11-07T09:00:00Z')],
        },
      },
      {
        pre_audit_guardrails: {
          lint: { command: 'make lint', required: true, status: 'passed' },
          spec: { command: 'make spec', required: true, status: 'failed' },
          extra: { command: 'make extra', required: false, status: 'failed' },
        },
      },
    );
    const measured = successCriteria({
      tasks: plan.tasks,
      guardrails: plan.guardrails,
      now: NOW,
      slaHours: 24,
      snapshotTimes: ['2026-11-07T23:00:00Z', '2026-11-09T01:00:00Z'],
      conflicts: ['a × b'],
    });
    const byKey = new Map(measured.criteria.map((c) => [c.key, c]));
    assert.deepEqual(
      [byKey.get('snapshots')?.met, byKey.get('snapshots')?.detail],
      [false, 'no snapshot on 2026-11-08'],
    );
    assert.deepEqual(
      [byKey.get('guardrails')?.met, byKey.get('guardrails')?.detail],
      [false, '1 of 2 not passed: spec (failed)'],
    );
    assert.deepEqual(
      [byKey.get('conflicts')?.met, byKey.get('conflicts')?.detail],
      [false, '1 conflicting: a × b'],
    );
    const none = successCriteria({ tasks: plan.tasks, guardrails: [], now: NOW, slaHours: 24 });
    assert.equal(none.criteria.find((c) => c.key === 'conflicts')?.met, undefined);
  });
});
