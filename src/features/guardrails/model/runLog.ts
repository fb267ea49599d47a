import { GUARDRAIL_VERDICTS, type GuardrailResult } from './types';

/** The JSON written for every run (one or more guardrails run together) in the log folder. */
export const RUN_LOG_SCHEMA = 'agent-coordinator/guardrail-run@1';

export interface GuardrailRunLog {
  schema: typeof RUN_LOG_SCHEMA;
  startedAt: string;
  finishedAt: string;
  /** Folder the guardrails ran in (a worktree or the main checkout). */
  cwd: string;
  /** The task file the definitions came from, when there was one. */
  taskFile?: string;
  /** True when every required guardrail that ran passed and none was cancelled. */
  requiredPassed: boolean;
  results: GuardrailResult[];
}

export function buildRunLog(input: {
  startedAt: string;
  finishedAt: string;
  cwd: string;
  taskFile?: string;
  results: GuardrailResult[];
}): GuardrailRunLog {
  const log: GuardrailRunLog = {
    schema: RUN_LOG_SCHEMA,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    cwd: input.cwd,
    requiredPassed: requiredPassed(input.results),
    results: input.results,
  };
  if (input.taskFile !== undefined) {
    log.taskFile = input.taskFile;
  }
  return log;
}

/** What makes `coord guardrails run` exit non-zero: a required guardrail failed, errored or was cancelled. */
export function requiredPassed(results: readonly GuardrailResult[]): boolean {
  return results.every(
    (result) => !result.required || result.verdict === 'pass' || result.verdict === 'skipped',
  );
}

/** Parses a run log written by `buildRunLog`; undefined for anything else (hand-edited, truncated). */
export function parseRunLog(text: string): GuardrailRunLog | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.schema !== RUN_LOG_SCHEMA || !Array.isArray(value.results)) {
    return undefined;
  }
  if (typeof value.cwd !== 'string' || typeof value.finishedAt !== 'string') {
    return undefined;
  }
  const results = value.results.filter(isResult);
  return { ...(value as unknown as GuardrailRunLog), results };
}

/** The newest result per guardrail key across logs, optionally only those run in `cwd`. */
export function latestResults(
  logs: readonly GuardrailRunLog[],
  cwd?: string,
): Map<string, GuardrailResult> {
  const latest = new Map<string, GuardrailResult>();
  for (const log of logs) {
    for (const result of log.results) {
      if (cwd !== undefined && result.cwd !== cwd) {
        continue;
      }
      const known = latest.get(result.key);
      if (!known || Date.parse(result.finishedAt) > Date.parse(known.finishedAt)) {
        latest.set(result.key, result);
      }
    }
  }
  return latest;
}

function isResult(value: unknown): value is GuardrailResult {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.cwd === 'string' &&
    typeof value.finishedAt === 'string' &&
    typeof value.required === 'boolean' &&
    (GUARDRAIL_VERDICTS as readonly unknown[]).includes(value.verdict)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
