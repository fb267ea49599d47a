import type { Task } from '../../kernel/model/types';
import { readFolderSettings } from '../../platform/settings/settingsFiles';
import { readAgentStates } from './agentStateStore';
import { STALE_AFTER_SETTING, staleAfterMs, type AgentStateRecord } from './model/agentState';
import { taskAgentStatuses, type TaskAgentStatus } from './model/taskAgentState';

/** The stale time the folder's `.vscode/settings.json` sets, as the editor would read it. */
export async function folderStaleAfterMs(folder: string): Promise<number> {
  const { settings } = await readFolderSettings(folder);
  return staleAfterMs(settings[STALE_AFTER_SETTING]);
}

/** The agent reports of the repository holding `cwd`; none where it is not a git repository. */
export async function readAgentStatesIfAny(cwd: string): Promise<AgentStateRecord[]> {
  return readAgentStates(cwd).catch(() => []);
}

/** Every task's agent status, from the reports in the repository's local state folder. */
export async function readTaskAgentStatuses(
  cwd: string,
  tasks: readonly Pick<Task, 'key' | 'status' | 'worktreePath'>[],
  staleAfter: number,
  now = new Date(),
): Promise<Map<string, TaskAgentStatus>> {
  return taskAgentStatuses(tasks, await readAgentStatesIfAny(cwd), now, staleAfter);
}
