import { reportAgentState } from './agentStateStore';
import { AGENT_DISPLAY_NAMES, DETECTABLE_STATES, type AgentKind } from './model/agentKinds';
import type { AgentStateRecord } from './model/agentState';

/**
 * Records that the task's agent was just launched. The record lists what the agent's tool can
 * report, so one that never says when it works shows as "not detectable", not "working" forever.
 */
export function recordAgentLaunch(
  cwd: string,
  taskKey: string,
  kind: AgentKind,
  now = new Date(),
): Promise<AgentStateRecord> {
  return reportAgentState(
    cwd,
    {
      task: taskKey,
      state: 'working',
      agent: kind === 'other' ? 'agent' : AGENT_DISPLAY_NAMES[kind],
      detects: DETECTABLE_STATES[kind],
    },
    now,
  );
}
