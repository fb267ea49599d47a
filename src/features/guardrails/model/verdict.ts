import type { GuardrailVerdict, ProcessOutcome } from './types';

export interface Judgement {
  verdict: GuardrailVerdict;
  reason: string;
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

/** Turns how the process ended, and whether `expected` was seen, into a verdict with its reason. */
export function judge(
  outcome: ProcessOutcome,
  expected?: string,
  expectedFound?: boolean,
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
      return judgeExit(outcome.exitCode ?? -1, expected, expectedFound);
  }
}

function judgeExit(code: number, expected?: string, expectedFound?: boolean): Judgement {
  if (code === NOT_FOUND) {
    return { verdict: 'error', reason: 'command not found (exit code 127)' };
  }
  if (code === NOT_EXECUTABLE) {
    return { verdict: 'error', reason: 'command not executable (exit code 126)' };
  }
  if (code !== 0) {
    const signal = code > 128 ? SIGNAL_NAMES[code - 128] : undefined;
    return { verdict: 'fail', reason: `exit code ${code}${signal ? ` (${signal})` : ''}` };
  }
  if (expected !== undefined && expected !== '' && !expectedFound) {
    return {
      verdict: 'fail',
      reason: `exit code 0, but expected text ${JSON.stringify(expected)} not found`,
    };
  }
  return {
    verdict: 'pass',
    reason: expected ? `exit code 0, found ${JSON.stringify(expected)}` : 'exit code 0',
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
