import type { ExpectationResult } from './expectation';

/**
 * Guardrail runs as data: what a run reports to its sink and what gets recorded. Shared by the
 * process runner (src/features/guardrails), the CLI and the extension's output channel and status bar.
 */

/**
 * - `pass`: exit 0, and the `expected` text appeared in the output when one is given.
 * - `fail`: the command ran and did not succeed: non-zero exit, `expected` missing, or killed by a
 *   signal nobody here sent (a crash).
 * - `error`: the check could not be carried out: could not start, command not found or not
 *   executable (shell exit 127/126, or the output of a wrapper such as `make` says so), a missing
 *   module or interpreter, or timed out.
 * - `skipped`: its `depends_on` task is not completed, so it was not run.
 * - `cancelled`: stopped by the user; never recorded in the task file.
 */
export const GUARDRAIL_VERDICTS = ['pass', 'fail', 'error', 'skipped', 'cancelled'] as const;
export type GuardrailVerdict = (typeof GUARDRAIL_VERDICTS)[number];

export type OutputStream = 'stdout' | 'stderr';

/** What the output channel prints before a run's output. */
export interface GuardrailRunHeader {
  key: string;
  command: string;
  /** Absolute working folder. */
  cwd: string;
  /** ISO time. */
  startedAt: string;
  required: boolean;
}

/** How the process ended, before it is judged. */
export interface ProcessOutcome {
  /** `exited` with a code, `signalled` by a signal nobody here sent, or never started. */
  kind: 'exited' | 'signalled' | 'spawnFailed' | 'timedOut' | 'cancelled';
  exitCode?: number;
  signal?: string;
  /** For `spawnFailed`: why. */
  message?: string;
  durationMs: number;
}

/** One guardrail's result: the footer of its run, the run log entry, the recorded status. */
export interface GuardrailResult {
  key: string;
  command: string;
  required: boolean;
  cwd: string;
  verdict: GuardrailVerdict;
  /** One line saying why, e.g. `exit code 2`, `expected text "0 violations" not found`. */
  reason: string;
  exitCode?: number;
  signal?: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** What `expected` looked for, as the verdict line shows it: `"pass"`, `"0 hits", /^ok$/`. */
  expected?: string;
  /** Absent when no `expected` was given; true when every entry matched. */
  expectedFound?: boolean;
  /** For each `expected` entry: what was looked for and the line it matched. */
  matches?: ExpectationResult[];
  /** For a failure: its likeliest cause read from the output, e.g. `command not found: ruff`. */
  cause?: string;
  /** The last lines of the output (ANSI removed), oldest first. */
  lastLines: string[];
  /** Bytes read from stdout and stderr together. */
  outputBytes: number;
  /** The expanded `output_path` (absolute), when the guardrail has one: where its output was saved. */
  outputPath?: string;
  /** Why the output could not be saved there; the verdict does not depend on it. */
  outputPathError?: string;
  /** The sink's `onOutput` threw (e.g. a closed channel): later output was not shown. */
  sinkError?: string;
}
