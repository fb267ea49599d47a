import * as assert from 'node:assert/strict';
import { formatFooter, formatHeader } from '../../../src/features/guardrails/model/format';
import { skipReason } from '../../../src/features/guardrails/model/skip';
import type { GuardrailResult } from '../../../src/features/guardrails/model/types';
import { formatDuration, judge } from '../../../src/features/guardrails/model/verdict';
import { guardrail, modelWith } from './helpers';

describe('guardrails: verdicts', () => {
  it('passes on exit 0, with the expected text when given', () => {
    assert.equal(judge({ kind: 'exited', exitCode: 0, durationMs: 5 }).verdict, 'pass');
    assert.deepEqual(
      judge({ kind: 'exited', exitCode: 0, durationMs: 5 }, [
        { expected: '"pass"', matchedLine: '✅ PASS: 0 hits' },
      ]),
      { verdict: 'pass', reason: 'exit code 0, found "pass" in "✅ PASS: 0 hits"' },
    );
  });

  it('fails on exit 0 without the expected text', () => {
    const judged = judge({ kind: 'exited', exitCode: 0, durationMs: 5 }, [
      { expected: '"0 violations"' },
    ]);
    assert.equal(judged.verdict, 'fail');
    assert.match(judged.reason, /expected text "0 violations" not found/);
  });

  it('fails on a non-zero exit and names a signal hidden in a shell exit code', () => {
    assert.deepEqual(judge({ kind: 'exited', exitCode: 2, durationMs: 5 }), {
      verdict: 'fail',
      reason: 'exit code 2',
    });
    assert.equal(
      judge({ kind: 'exited', exitCode: 137, durationMs: 5 }).reason,
      'exit code 137 (SIGKILL)',
    );
    assert.deepEqual(judge({ kind: 'signalled', signal: 'SIGSEGV', durationMs: 5 }), {
      verdict: 'fail',
      reason: 'killed by signal SIGSEGV',
    });
  });

  it('is an error when nothing could be checked', () => {
    assert.equal(
      judge({ kind: 'exited', exitCode: 127, durationMs: 5 }).reason,
      'command not found (exit code 127)',
    );
    assert.equal(judge({ kind: 'exited', exitCode: 126, durationMs: 5 }).verdict, 'error');
    assert.equal(
      judge({ kind: 'spawnFailed', message: 'no shell', durationMs: 0 }).reason,
      'could not start: no shell',
    );
    assert.equal(
      judge({ kind: 'timedOut', durationMs: 90_000 }).reason,
      'timed out after 1 min 30 s',
    );
    assert.equal(judge({ kind: 'cancelled', durationMs: 5 }).verdict, 'cancelled');
  });

  it('formats durations for people', () => {
    assert.deepEqual([450, 1234, 60_000, 125_000].map(formatDuration), [
      '450 ms',
      '1.2 s',
      '1 min',
      '2 min 5 s',
    ]);
  });
});

describe('guardrails: depends_on', () => {
  const model = modelWith('task1_shadow_diff:task1:in_progress', 'task2_tokens:task2:completed');

  it('skips while the task (by key or id) is not completed', () => {
    assert.equal(
      skipReason(guardrail('shadow', 'x', { dependsOn: 'task1_shadow_diff' }), model),
      'depends on task1_shadow_diff, which is in progress',
    );
    assert.match(
      skipReason(guardrail('shadow', 'x', { dependsOn: 'task1' }), model) ?? '',
      /in progress/,
    );
  });

  it('runs once the task is completed, or when there is no dependency or no model', () => {
    assert.equal(skipReason(guardrail('g', 'x', { dependsOn: 'task2' }), model), undefined);
    assert.equal(skipReason(guardrail('g', 'x'), model), undefined);
    assert.equal(skipReason(guardrail('g', 'x', { dependsOn: 'task1' }), undefined), undefined);
  });

  it('skips with a clear reason when depends_on names no task', () => {
    assert.match(
      skipReason(guardrail('g', 'x', { dependsOn: 'nope' }), model) ?? '',
      /"nope", which is not a task/,
    );
  });
});

describe('guardrails: header and footer', () => {
  const result: GuardrailResult = {
    key: 'compat',
    command: 'make compat',
    required: true,
    cwd: '/repo',
    verdict: 'error',
    reason: 'timed out after 15 min',
    signal: 'SIGTERM',
    startedAt: '2025-10-16T05:00:00.000Z',
    finishedAt: '2025-10-16T05:15:00.000Z',
    durationMs: 900_000,
    lastLines: [],
    outputBytes: 0,
  };

  it('names key, command, folder and start time in the header', () => {
    const header = formatHeader({
      key: 'compat',
      command: 'make compat',
      cwd: '/repo',
      startedAt: result.startedAt,
      required: true,
    });
    for (const part of ['compat (required)', '$ make compat', '/repo', result.startedAt]) {
      assert.ok(header.includes(part), part);
    }
  });

  it('names verdict, reason, signal or exit code, and duration in the footer', () => {
    assert.equal(
      formatFooter(result),
      '<<< compat: ERROR · timed out after 15 min · signal SIGTERM · 15 min\n',
    );
    assert.equal(
      formatFooter({
        ...result,
        verdict: 'fail',
        reason: 'exit code 2',
        exitCode: 2,
        signal: undefined,
        durationMs: 1500,
      }),
      '<<< compat: FAIL · exit code 2 · 1.5 s\n',
    );
  });
});
