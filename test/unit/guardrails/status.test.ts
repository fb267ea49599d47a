import * as assert from 'node:assert/strict';
import { formatAge, staleReason } from '../../../src/features/guardrails/model/freshness';
import { requiredNotPassedSince } from '../../../src/features/guardrails/model/gate';
import { recordedVerdict } from '../../../src/features/guardrails/model/recorded';
import {
  buildRunLog,
  latestResults,
  parseRunLog,
  requiredPassed,
} from '../../../src/features/guardrails/model/runLog';
import {
  guardrailStates,
  summarizeGuardrails,
} from '../../../src/features/guardrails/model/summary';
import type {
  GuardrailResult,
  GuardrailVerdict,
} from '../../../src/features/guardrails/model/types';
import { guardrail } from './helpers';

const HOUR = 3_600_000;
const now = Date.parse('2025-10-16T12:00:00Z');

function result(
  key: string,
  verdict: GuardrailVerdict,
  finishedAt: string,
  extra: Partial<GuardrailResult> = {},
): GuardrailResult {
  return {
    key,
    command: `make ${key}`,
    required: true,
    cwd: '/repo',
    verdict,
    reason: verdict,
    startedAt: finishedAt,
    finishedAt,
    durationMs: 10,
    lastLines: [],
    outputBytes: 0,
    ...extra,
  };
}

describe('guardrails: staleness', () => {
  it('is stale when something changed after the pass, or when the pass is too old', () => {
    const lastPassAt = '2025-10-16T10:00:00Z';
    assert.equal(
      staleReason({ lastPassAt, newestChangeAt: Date.parse('2025-10-16T11:00:00Z'), now }),
      'changedSince',
    );
    assert.equal(
      staleReason({
        lastPassAt,
        newestChangeAt: Date.parse('2025-10-16T09:00:00Z'),
        now,
        maxAgeHours: 1,
      }),
      'tooOld',
    );
    assert.equal(
      staleReason({
        lastPassAt,
        newestChangeAt: Date.parse('2025-10-16T09:00:00Z'),
        now,
        maxAgeHours: 24,
      }),
      undefined,
    );
    assert.equal(staleReason({ lastPassAt, now, maxAgeHours: 0 }), undefined);
    assert.equal(staleReason({ lastPassAt: 'garbage', now, maxAgeHours: 1 }), undefined);
  });

  it('formats ages', () => {
    assert.deepEqual([10_000, 5 * 60_000, 3 * HOUR, 50 * HOUR].map(formatAge), [
      'just now',
      '5 min ago',
      '3 h ago',
      '2 d ago',
    ]);
  });
});

describe('guardrails: status bar summary', () => {
  const definitions = [
    guardrail('state_sweep', 'make state-sweep', {
      status: 'pass',
      lastRun: '2025-10-16T11:55:00Z',
    }),
    guardrail('shadow_diff', 'make shadow-diff', { status: 'waiting' }),
    guardrail('compat', 'make compat', { status: 'passed', lastRun: '2025-10-16T09:00:00Z' }),
    guardrail('openapi', 'make openapi', { status: 'not_started' }),
    guardrail('docs', 'make docs', { required: false, status: 'fail' }),
  ];

  it('reads the verdicts recorded in the file, with the teams own words meaning "not yet"', () => {
    assert.deepEqual(
      ['pass', 'PASSED', 'failing', 'error', 'skipped', 'waiting', 'not_started', undefined].map(
        recordedVerdict,
      ),
      ['pass', 'pass', 'fail', 'error', 'skipped', undefined, undefined, undefined],
    );
  });

  it('counts required passes, lists each with verdict and age, and is ok when nothing required fails', () => {
    const summary = summarizeGuardrails(guardrailStates(definitions), now);
    assert.equal(summary.count, '2/4');
    assert.equal(summary.label, '2/4 required passing');
    assert.equal(summary.level, 'ok');
    assert.deepEqual(summary.lines, [
      'state_sweep (required): pass, 5 min ago',
      'shadow_diff (required): not run yet',
      'compat (required): pass, 3 h ago',
      'openapi (required): not run yet',
      'docs: fail',
    ]);
  });

  it('lets this sessions results win, errors when a required one fails, warns while running', () => {
    const latest = new Map([['openapi', result('openapi', 'fail', '2025-10-16T11:59:00Z')]]);
    const failing = summarizeGuardrails(guardrailStates(definitions, latest), now);
    assert.equal(failing.level, 'error');
    assert.equal(failing.lines[3], 'openapi (required): fail, 1 min ago');

    const rerunning = summarizeGuardrails(
      guardrailStates(definitions, latest, new Set(['openapi'])),
      now,
    );
    assert.equal(rerunning.level, 'warning');
    assert.equal(rerunning.running, 1);
    assert.equal(rerunning.lines[3], 'openapi (required): running');
  });

  it('warns when a required pass is stale and says why in the tooltip', () => {
    const states = guardrailStates(definitions).map((state) =>
      state.key === 'compat' ? { ...state, stale: 'changedSince' as const } : state,
    );
    const summary = summarizeGuardrails(states, now);
    assert.equal(summary.level, 'warning');
    assert.equal(
      summary.lines[2],
      'compat (required): pass, 3 h ago (stale: files changed since the last pass)',
    );
  });
});

describe('guardrails: run logs and the completion gate', () => {
  const older = result('compat', 'fail', '2025-10-16T10:00:00Z');
  const newer = result('compat', 'pass', '2025-10-16T11:00:00Z');
  const elsewhere = result('compat', 'pass', '2025-10-16T11:30:00Z', { cwd: '/other' });

  it('round-trips a run log and rejects other JSON', () => {
    const log = buildRunLog({
      startedAt: older.startedAt,
      finishedAt: newer.finishedAt,
      cwd: '/repo',
      results: [older, newer],
    });
    assert.deepEqual(parseRunLog(JSON.stringify(log)), log);
    assert.equal(parseRunLog('{"results": []}'), undefined);
    assert.equal(parseRunLog('not json'), undefined);
  });

  it('finds the newest result per key, optionally per folder', () => {
    const logs = [
      buildRunLog({ startedAt: '', finishedAt: '', cwd: '/repo', results: [newer] }),
      buildRunLog({ startedAt: '', finishedAt: '', cwd: '/repo', results: [older, elsewhere] }),
    ];
    assert.equal(latestResults(logs).get('compat'), elsewhere);
    assert.equal(latestResults(logs, '/repo').get('compat'), newer);
  });

  it('says a run failed when a required guardrail did not pass (skipped does not count)', () => {
    assert.equal(requiredPassed([newer, result('s', 'skipped', newer.finishedAt)]), true);
    assert.equal(requiredPassed([newer, result('e', 'error', newer.finishedAt)]), false);
    assert.equal(requiredPassed([result('c', 'cancelled', newer.finishedAt)]), false);
    assert.equal(
      requiredPassed([result('o', 'fail', newer.finishedAt, { required: false })]),
      true,
    );
  });

  it('gates completion on required passes after the last commit', () => {
    const definitions = [
      guardrail('compat', 'make compat'),
      guardrail('docs', 'make docs', { required: false }),
    ];
    const latest = new Map([['compat', newer]]);
    assert.deepEqual(
      requiredNotPassedSince(definitions, latest, Date.parse('2025-10-16T10:30:00Z')),
      [],
    );
    assert.deepEqual(
      requiredNotPassedSince(definitions, latest, Date.parse('2025-10-16T11:30:00Z')).map(
        (d) => d.key,
      ),
      ['compat'],
    );
    assert.deepEqual(
      requiredNotPassedSince(definitions, new Map(), 0).map((d) => d.key),
      ['compat'],
    );
  });
});
