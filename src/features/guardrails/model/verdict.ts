import { likeliestCause } from './cause';
import type { ExpectationResult } from './expectation';
import type { GuardrailVerdict, ProcessOutcome } from './types';

export interface Judgement {
  verdict: GuardrailVerdict;
  reason: string;
  /** For a failure: its likeliest cause read from the output, e.g. `command not found: ruff`. */
  cause?: string;
}

/** Shell exit codes that mean the command never ran (POSIX sh). */
const NOT_FOUND = 127;
const NOT_EXECUTABLE = 126;

const SIGNAL_NAMES: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  6: 'SIGABRT',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
};

/**
 * Turns how the process ended, what its `expected` entries matched and its last output lines into
 * a verdict, its reason, and for a failure its likeliest cause.
 */
export function judge(
  outcome: ProcessOutcome,
  expectations: readonly ExpectationResult[] = [],
  lastLines: readonly string[] = [],
): Judgement {
  switch (outcome.kind) {
    case 'spawnFailed':
      return {
        verdict: 'error',
        reason: `could not start: ${outcome.message ?? 'unknown reason'}`,
      };
    case 'timedOut':
      return { verdict: 'error', reason: `timed out after ${formatDuration(outcome.durationMs)}` };
    case 'cancelled':
      return { verdict: 'cancelled', reason: 'cancelled' };
    case 'signalled':
      return { verdict: 'fail', reason: `killed by signal ${outcome.signal ?? 'unknown'}` };
    case 'exited':
      return judgeExit(outcome.exitCode ?? -1, expectations, lastLines);
  }
}

function judgeExit(
  code: number,
  expectations: readonly ExpectationResult[],
  lastLines: readonly string[],
): Judgement {
  if (code !== 0) {
    const cause = likeliestCause(lastLines);
    const judged = exitFailure(code, cause?.kind);
    return cause ? { ...judged, cause: cause.text } : judged;
  }
  const missing = expectations.filter((e) => e.matchedLine === undefined);
  if (missing.length > 0) {
    const what = missing.map((e) =>
      e.expected.startsWith('"') ? `text ${e.expected}` : e.expected,
    );
    const last = lastLines.length > 0 ? lastLines[lastLines.length - 1].trim() : '';
    return {
      verdict: 'fail',
      reason: `exit code 0, but expected ${what.join(', ')} not found${last ? ` (last line: ${JSON.stringify(last)})` : ''}`,
    };
  }
  const found = expectations.map((e) => `${e.expected} in ${JSON.stringify(e.matchedLine)}`);
  return {
    verdict: 'pass',
    reason: found.length > 0 ? `exit code 0, found ${found.join(', ')}` : 'exit code 0',
  };
}

/** A non-zero exit: an error when nothing was checked (the shell, or the output, says so). */
function exitFailure(code: number, cause: string | undefined): Judgement {
  if (code === NOT_FOUND) {
    return { verdict: 'error', reason: 'command not found (exit code 127)' };
  }
  if (code === NOT_EXECUTABLE) {
    return { verdict: 'error', reason: 'command not executable (exit code 126)' };
  }
  const signal = code > 128 ? SIGNAL_NAMES[code - 128] : undefined;
  return {
    verdict: cause === undefined || cause === 'make' ? 'fail' : 'error',
    reason: `exit code ${code}${signal ? ` (${signal})` : ''}`,
  };
}

export function formatDuration(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
