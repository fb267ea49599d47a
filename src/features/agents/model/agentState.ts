/** What an agent last said about itself. `stale` is never reported: it is read from the time. */
export const REPORTED_AGENT_STATES = [
  'working',
  'needs_input',
  'idle',
  'finished',
  'failed',
] as const;
export type ReportedAgentState = (typeof REPORTED_AGENT_STATES)[number];
/**
 * `stale`: said it was working, then nothing for too long. `not_detectable`: launched by an agent
 * whose tool cannot say when it works (its record lists what it can report), so the time since
 * tells nothing either.
 */
export type ShownAgentState = ReportedAgentState | 'stale' | 'not_detectable';

/** One task's agent state, as kept in the local state folder (never in the plan). */
export interface AgentStateRecord {
  task: string;
  state: ReportedAgentState;
  /** ISO time of the signal. */
  at: string;
  agent: string;
  /** What the agent asks for (needs_input) or says. */
  message?: string;
  /** Exit code of a failed agent. */
  exitCode?: number;
  /** The states the agent's tool reports by itself, when the reporter knows its tool. */
  detects?: ReportedAgentState[];
}

/** An agent that said it is working and then says nothing for this long is shown as stale. */
export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

/** Task keys become file names, so only plain key characters are accepted. */
const TASK_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export interface AgentStateInput {
  task: string;
  state: string;
  agent: string;
  message?: string;
  exitCode?: number;
  detects?: readonly ReportedAgentState[];
}

/** A record from what was reported, or the one sentence saying what is wrong with it. */
export function agentStateRecord(
  input: AgentStateInput,
  now: Date,
): AgentStateRecord | { problem: string } {
  if (!TASK_KEY.test(input.task)) {
    return { problem: `"${input.task}" is not a task key (letters, digits, ".", "_" or "-")` };
  }
  const state = input.state.trim().toLowerCase().replace(/[- ]/g, '_');
  if (!(REPORTED_AGENT_STATES as readonly string[]).includes(state)) {
    return {
      problem: `unknown agent state "${input.state}"; accepted: ${REPORTED_AGENT_STATES.join(', ')}`,
    };
  }
  if (state === 'failed' && input.exitCode === undefined) {
    return { problem: 'a failed agent needs its exit code' };
  }
  if (input.exitCode !== undefined && !Number.isInteger(input.exitCode)) {
    return { problem: `exit code must be a whole number, not ${input.exitCode}` };
  }
  const record: AgentStateRecord = {
    task: input.task,
    state: state as ReportedAgentState,
    at: now.toISOString(),
    agent: input.agent,
  };
  const message = input.message?.trim();
  if (message) {
    record.message = message;
  }
  if (state === 'failed') {
    record.exitCode = input.exitCode;
  }
  if (input.detects) {
    record.detects = [...input.detects];
  }
  return record;
}

/**
 * The state to show: an agent still `working` with no signal for `staleAfterMs` is `stale`
 * (it may have died without a word). Waiting, idle, finished and failed agents wait for a
 * person, so their age does not change what they are. A `working` record of an agent whose tool
 * never reports working (it was only launched) is `not_detectable`, never working forever.
 */
export function shownAgentState(
  record: AgentStateRecord,
  now: Date,
  staleAfterMs = DEFAULT_STALE_AFTER_MS,
): ShownAgentState {
  if (record.state === 'working' && record.detects && !record.detects.includes('working')) {
    return 'not_detectable';
  }
  const age = now.getTime() - Date.parse(record.at);
  return record.state === 'working' && !(age < staleAfterMs) ? 'stale' : record.state;
}

/**
 * Whether the end of an agent's command replaces its last report: not when the agent itself said
 * it finished and its exit code agrees, so its own name and words stay.
 */
export function exitReplacesReport(last: AgentStateRecord | undefined, exitCode: number): boolean {
  return !(exitCode === 0 && last?.state === 'finished');
}

/** Parses one stored record; anything else (a half-written or foreign file) is undefined. */
export function parseAgentStateRecord(text: string): AgentStateRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const record = value as Partial<AgentStateRecord>;
  const valid =
    typeof record.task === 'string' &&
    typeof record.agent === 'string' &&
    typeof record.at === 'string' &&
    !Number.isNaN(Date.parse(record.at)) &&
    (REPORTED_AGENT_STATES as readonly string[]).includes(record.state as string) &&
    (record.detects === undefined ||
      (Array.isArray(record.detects) && record.detects.every((s) => typeof s === 'string')));
  return valid ? (record as AgentStateRecord) : undefined;
}

/** The setting (a settings-file key) for how long a working agent may stay silent, in minutes. */
export const STALE_AFTER_SETTING = 'coordinator.agentState.staleAfterMinutes';

/** The stale time a setting value asks for, or the default when it is missing or not above 0. */
export function staleAfterMs(minutes: unknown): number {
  return typeof minutes === 'number' && minutes > 0 ? minutes * 60_000 : DEFAULT_STALE_AFTER_MS;
}
