import type { GuardrailVerdict } from './types';

/**
 * Reads the verdict a task file holds for a guardrail. Teams write their own words before any run
 * (`not_started`, `waiting`): those mean "no verdict yet".
 */
export function recordedVerdict(status: string | undefined): GuardrailVerdict | undefined {
  switch (status?.trim().toLowerCase()) {
    case 'pass':
    case 'passed':
    case 'passing':
    case 'ok':
    case 'green':
    case 'success':
      return 'pass';
    case 'fail':
    case 'failed':
    case 'failing':
    case 'red':
    case 'failure':
      return 'fail';
    case 'error':
      return 'error';
    case 'skipped':
      return 'skipped';
    default:
      return undefined;
  }
}

/** Verdicts written back to the task file; skipped and cancelled runs checked nothing and leave it alone. */
export function isRecordable(verdict: GuardrailVerdict): boolean {
  return verdict === 'pass' || verdict === 'fail' || verdict === 'error';
}
