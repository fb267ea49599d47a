import type { GuardrailDefinition } from '../../../kernel/model/types';
import type { DashboardGuardrail, GuardrailVerdict } from '../../../protocol/dashboardModel';
import type { GuardrailRunInput } from './inputs';

const VERDICT_SPELLINGS: Record<string, GuardrailVerdict> = {
  passed: 'passed',
  pass: 'passed',
  passing: 'passed',
  ok: 'passed',
  success: 'passed',
  green: 'passed',
  failed: 'failed',
  fail: 'failed',
  failing: 'failed',
  failure: 'failed',
  error: 'failed',
  red: 'failed',
  running: 'running',
  in_progress: 'running',
  skipped: 'skipped',
  skip: 'skipped',
};

/** Reads a status as stored in the task file (`not_started`, `waiting`, `pass`…) as a verdict. */
export function verdictFromStoredStatus(status: string | undefined): GuardrailVerdict {
  if (!status) {
    return 'unknown';
  }
  return (
    VERDICT_SPELLINGS[
      status
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    ] ?? 'unknown'
  );
}

/** The file's guardrail definitions, overlaid with run results; results for unknown keys are appended. */
export function deriveGuardrails(
  definitions: readonly GuardrailDefinition[],
  runs: readonly GuardrailRunInput[] = [],
): DashboardGuardrail[] {
  const runByKey = new Map(runs.map((run) => [run.key, run]));
  const result: DashboardGuardrail[] = definitions.map((definition) => {
    const run = runByKey.get(definition.key);
    runByKey.delete(definition.key);
    return withoutUndefined({
      key: definition.key,
      required: run?.required ?? definition.required,
      verdict: run?.verdict ?? verdictFromStoredStatus(definition.status),
      lastRun: run?.lastRun ?? definition.lastRun,
      durationMs: run?.durationMs ?? definition.durationMs,
      command: definition.command,
      dependsOn: definition.dependsOn,
    });
  });
  for (const run of runByKey.values()) {
    result.push(
      withoutUndefined({
        key: run.key,
        required: run.required ?? false,
        verdict: run.verdict,
        lastRun: run.lastRun,
        durationMs: run.durationMs,
      }),
    );
  }
  return result;
}

/** Drops undefined fields so that two equal view models serialise identically. */
export function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as (keyof T)[]) {
    if (copy[key] === undefined) {
      delete copy[key];
    }
  }
  return copy;
}
