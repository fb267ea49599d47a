import type { Task } from '../../../kernel/model/types';
import { shownAgentState, type AgentStateRecord, type ShownAgentState } from './agentState';

/**
 * What the editor and `coord` show about a task's agent: what it last reported (or stale), and
 * without any report, `not_started` for a task nobody took up, or `not_detectable` for a task
 * under way whose agent never reports (a person, or an agent without hooks): never "working"
 * forever on no evidence.
 */
export type TaskAgentState = ShownAgentState | 'not_started' | 'not_detectable';

export interface TaskAgentStatus {
  state: TaskAgentState;
  /** The last report, when there is one. */
  record?: AgentStateRecord;
}

export function taskAgentStatus(
  task: Pick<Task, 'status' | 'worktreePath'>,
  record: AgentStateRecord | undefined,
  now: Date,
  staleAfterMs: number,
): TaskAgentStatus {
  if (record) {
    return { state: shownAgentState(record, now, staleAfterMs), record };
  }
  const underWay = task.status === 'in_progress' || task.worktreePath !== undefined;
  return { state: underWay && task.status !== 'completed' ? 'not_detectable' : 'not_started' };
}

/** Most pressing first: what waits for a person, then what may be lost, then what runs. */
export const AGENT_STATE_URGENCY: readonly TaskAgentState[] = [
  'needs_input',
  'failed',
  'finished',
  'stale',
  'idle',
  'working',
  'not_detectable',
  'not_started',
];

export interface AgentStateLook {
  label: string;
  /** A codicon name. */
  icon: string;
  /** A theme colour id, where the state deserves one. */
  color?: string;
}

export const AGENT_STATE_LOOK: Record<TaskAgentState, AgentStateLook> = {
  needs_input: {
    label: 'needs input',
    icon: 'bell-dot',
    color: 'notificationsWarningIcon.foreground',
  },
  failed: { label: 'agent failed', icon: 'error', color: 'testing.iconFailed' },
  finished: { label: 'agent finished', icon: 'pass-filled', color: 'testing.iconPassed' },
  stale: { label: 'agent silent', icon: 'watch', color: 'disabledForeground' },
  idle: { label: 'agent idle', icon: 'debug-pause' },
  working: { label: 'agent working', icon: 'sync~spin', color: 'charts.blue' },
  not_detectable: { label: 'agent state not detectable', icon: 'question' },
  not_started: { label: 'no agent', icon: 'circle-outline' },
};

/** One short phrase for a row: `needs input: Allow rm?`, `agent failed (exit 2)`. */
export function describeAgentStatus(status: TaskAgentStatus): string {
  const look = AGENT_STATE_LOOK[status.state];
  const record = status.record;
  if (status.state === 'failed' && record?.exitCode !== undefined) {
    return `${look.label} (exit ${record.exitCode})`;
  }
  if (status.state === 'needs_input' && record?.message) {
    return `${look.label}: ${oneLine(record.message, 60)}`;
  }
  return look.label;
}

export function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Agent statuses by task key for every task of a plan. */
export function taskAgentStatuses(
  tasks: readonly Pick<Task, 'key' | 'status' | 'worktreePath'>[],
  records: readonly AgentStateRecord[],
  now: Date,
  staleAfterMs: number,
): Map<string, TaskAgentStatus> {
  const byTask = new Map(records.map((record) => [record.task, record]));
  return new Map(
    tasks.map((task) => [task.key, taskAgentStatus(task, byTask.get(task.key), now, staleAfterMs)]),
  );
}
