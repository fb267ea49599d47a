import type { GuardrailDefinition } from '../../../kernel/model/types';
import { describeStale, formatAge, type StaleReason } from './freshness';
import { recordedVerdict } from './recorded';
import type { GuardrailResult, GuardrailVerdict } from './types';

/** One guardrail as the status bar and its quick pick show it. */
export interface GuardrailState {
  key: string;
  required: boolean;
  command: string;
  /** Latest verdict; undefined when it never ran. */
  verdict?: GuardrailVerdict;
  running: boolean;
  /** When the latest verdict was reached, ISO. */
  at?: string;
  reason?: string;
  /** The likeliest cause of a failure: from this session's result, else as the file records it. */
  cause?: string;
  /** Set by the caller from `staleReason` for passes. */
  stale?: StaleReason;
}

export type SummaryLevel = 'ok' | 'warning' | 'error';

export interface GuardrailSummary {
  requiredTotal: number;
  requiredPassing: number;
  /** `3/4`; the status bar shows `$(shield) 3/4`. */
  count: string;
  /** `3/4 required passing`. */
  label: string;
  /** `error` when a required guardrail failed or errored; else `warning` while running or when stale. */
  level: SummaryLevel;
  running: number;
  /** One line per guardrail for the tooltip: `compat_enforce (required): pass, 5 min ago`. */
  lines: string[];
}

/**
 * The state of each guardrail: an in-memory result of this session wins over what the file
 * records; `running` marks those in progress.
 */
export function guardrailStates(
  definitions: readonly GuardrailDefinition[],
  latest: ReadonlyMap<string, GuardrailResult> = new Map(),
  running: ReadonlySet<string> = new Set(),
): GuardrailState[] {
  return definitions.map((definition) => {
    const result = latest.get(definition.key);
    const state: GuardrailState = {
      key: definition.key,
      required: definition.required,
      command: definition.command,
      running: running.has(definition.key),
    };
    if (result) {
      state.verdict = result.verdict;
      state.at = result.finishedAt;
      state.reason = result.reason;
      if (result.cause !== undefined) {
        state.cause = result.cause;
      }
    } else {
      state.verdict = recordedVerdict(definition.status);
      state.at = definition.lastRun;
      if (definition.cause !== undefined && state.verdict !== 'pass') {
        state.cause = definition.cause;
      }
    }
    return state;
  });
}

export function summarizeGuardrails(
  states: readonly GuardrailState[],
  now: number,
): GuardrailSummary {
  const required = states.filter((state) => state.required);
  const requiredPassing = required.filter(
    (state) => !state.running && state.verdict === 'pass',
  ).length;
  const running = states.filter((state) => state.running).length;
  const failing = required.some(
    (state) => !state.running && (state.verdict === 'fail' || state.verdict === 'error'),
  );
  const stale = required.some((state) => !state.running && state.verdict === 'pass' && state.stale);
  const count = `${requiredPassing}/${required.length}`;
  return {
    requiredTotal: required.length,
    requiredPassing,
    count,
    label: `${count} required passing`,
    level: failing ? 'error' : running > 0 || stale ? 'warning' : 'ok',
    running,
    lines: states.map((state) => describeState(state, now)),
  };
}

export function describeState(state: GuardrailState, now: number): string {
  const name = `${state.key}${state.required ? ' (required)' : ''}`;
  if (state.running) {
    return `${name}: running`;
  }
  if (!state.verdict) {
    return `${name}: not run yet`;
  }
  const at = state.at ? Date.parse(state.at) : Number.NaN;
  const age = Number.isNaN(at) ? '' : `, ${formatAge(Math.max(0, now - at))}`;
  const stale =
    state.verdict === 'pass' && state.stale ? ` (stale: ${describeStale(state.stale)})` : '';
  const cause = state.cause !== undefined ? ` (cause: ${state.cause})` : '';
  return `${name}: ${state.verdict}${age}${stale}${cause}`;
}
