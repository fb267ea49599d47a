import * as path from 'node:path';
import type { GuardrailDefinition } from '../../kernel/model/types';
import { expandTimestamp, formatRunTimestamp } from './model/timestamp';
import type { GuardrailResult, GuardrailRunHeader } from './model/types';
import { parseExpectation } from './model/expectation';
import { judge } from './model/verdict';
import { OutputFile } from './outputFile';
import { runShellCommand } from './runProcess';
import type { GuardrailSink } from './sink';

export interface GuardrailRunOptions {
  /** Absolute folder the command runs in (the main checkout or a task's worktree). */
  cwd: string;
  /** Variables added to (or, with `undefined`, removed from) `process.env`. */
  env?: Record<string, string | undefined>;
  /** 0 or undefined for no limit. */
  timeoutMs?: number;
  killGraceMs?: number;
  signal?: AbortSignal;
  /** The run's start: fills `<timestamp>` in `output_path`; one time for every guardrail of a run. */
  runStartedAt?: Date;
  /** Save output to `output_path` (default true). */
  saveOutput?: boolean;
}

/** Runs one guardrail, streaming to `sink`, and returns its judged result (also given to `sink.onEnd`). */
export async function runGuardrail(
  definition: GuardrailDefinition,
  options: GuardrailRunOptions,
  sink: GuardrailSink,
): Promise<GuardrailResult> {
  const runStartedAt = options.runStartedAt ?? new Date();
  const startedAt = new Date();
  const header: GuardrailRunHeader = {
    key: definition.key,
    command: definition.command,
    cwd: options.cwd,
    startedAt: startedAt.toISOString(),
    required: definition.required,
  };
  const outputPath = definition.outputPath
    ? resolveOutputPath(options.cwd, expandTimestamp(definition.outputPath, runStartedAt))
    : undefined;
  const outputFile =
    outputPath && options.saveOutput !== false
      ? await OutputFile.open(outputPath, definition.key)
      : undefined;

  sink.onStart(header);
  const run = await runShellCommand({
    command: definition.command,
    cwd: options.cwd,
    env: guardrailEnvironment(options.env, {
      COORD_GUARDRAIL_KEY: definition.key,
      COORD_GUARDRAIL_TIMESTAMP: formatRunTimestamp(runStartedAt),
      COORD_GUARDRAIL_OUTPUT_PATH: outputPath,
    }),
    timeoutMs: options.timeoutMs,
    killGraceMs: options.killGraceMs,
    signal: options.signal,
    expected: definition.expected?.map(parseExpectation),
    onOutput(text, stream) {
      outputFile?.write(text);
      sink.onOutput(text, stream);
    },
  });
  const { verdict, reason, cause } = judge(run.outcome, run.expectations, run.lastLines);
  const result: GuardrailResult = {
    key: definition.key,
    command: definition.command,
    required: definition.required,
    cwd: options.cwd,
    verdict,
    reason,
    startedAt: header.startedAt,
    finishedAt: new Date(startedAt.getTime() + run.outcome.durationMs).toISOString(),
    durationMs: run.outcome.durationMs,
    lastLines: run.lastLines,
    outputBytes: run.outputBytes,
  };
  if (run.outcome.exitCode !== undefined) {
    result.exitCode = run.outcome.exitCode;
  }
  if (run.outcome.signal !== undefined) {
    result.signal = run.outcome.signal;
  }
  if (run.expectations.length > 0) {
    result.expected = run.expectations.map((e) => e.expected).join(', ');
    result.expectedFound = run.expectations.every((e) => e.matchedLine !== undefined);
    result.matches = run.expectations;
  }
  if (cause !== undefined) {
    result.cause = cause;
  }
  if (outputPath) {
    result.outputPath = outputPath;
  }
  if (run.outputError !== undefined) {
    result.sinkError = run.outputError;
  }
  const saveProblem = await outputFile?.close(result);
  if (saveProblem) {
    result.outputPathError = saveProblem;
  }
  sink.onEnd(result);
  return result;
}

/** Absolute, keeping a trailing separator: it marks a folder. */
function resolveOutputPath(cwd: string, expanded: string): string {
  const resolved = path.resolve(cwd, expanded);
  return /[\\/]$/.test(expanded) ? `${resolved}${path.sep}` : resolved;
}

/** A guardrail that was not run, reported through the sink like any other. */
export function reportSkipped(
  definition: GuardrailDefinition,
  cwd: string,
  verdict: 'skipped' | 'cancelled',
  reason: string,
  sink: GuardrailSink,
): GuardrailResult {
  const now = new Date().toISOString();
  sink.onStart({
    key: definition.key,
    command: definition.command,
    cwd,
    startedAt: now,
    required: definition.required,
  });
  const result: GuardrailResult = {
    key: definition.key,
    command: definition.command,
    required: definition.required,
    cwd,
    verdict,
    reason,
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    lastLines: [],
    outputBytes: 0,
  };
  sink.onEnd(result);
  return result;
}

export function guardrailEnvironment(
  ...layers: (Record<string, string | undefined> | undefined)[]
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      if (value === undefined) {
        delete env[name];
      } else {
        env[name] = value;
      }
    }
  }
  return env;
}
