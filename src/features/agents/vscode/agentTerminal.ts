import { delimiter } from 'node:path';
import * as vscode from 'vscode';
import type { AgentKind } from '../model/agentKinds';
import type { Task } from '../../../kernel/model/types';
import { AGENT_TASK_ENV } from '../../../platform/identity/actor';
import { AGENT_TERMINAL_TASK_ENV } from './agentTerminals';
import { TRUSTED_ENV } from '../../../platform/trust/trustStore';

/** A live terminal this extension opened for the task (found by the task-key variable in its environment). */
export function existingTaskTerminal(taskKey: string): vscode.Terminal | undefined {
  return vscode.window.terminals.find((terminal) => {
    if (terminal.exitStatus !== undefined || !('env' in terminal.creationOptions)) {
      return false;
    }
    return (
      (terminal.creationOptions as vscode.TerminalOptions).env?.[AGENT_TERMINAL_TASK_ENV] ===
      taskKey
    );
  });
}

/**
 * In a trusted workspace, `coord` run in the extension's terminals trusts the repository as the
 * editor does; in an untrusted one the variable is left to the user's environment.
 */
export function trustedTerminalEnv(): Record<string, string> {
  return vscode.workspace.isTrusted ? { [TRUSTED_ENV]: '1' } : {};
}

/** Which agent the terminal was opened for (read when its command ends). */
export const AGENT_KIND_ENV = 'COORD_AGENT_KIND';

/** What a task terminal knows about the agent it runs. */
export interface TerminalAgent {
  /** Set when the terminal was opened to run an agent's command line. */
  kind?: AgentKind;
  /** The `coord` launcher's folder, put first on the terminal's PATH. */
  launcherDir?: string;
}

/**
 * Opens an integrated terminal in the worktree, marked with the task key so the agent-exit
 * notification finds the task, and types the agent command line when there is one.
 */
export function openTaskTerminal(
  task: Pick<Task, 'key' | 'id' | 'name'>,
  cwd: string,
  commandLine: string | undefined,
  /** The task's ports and names (`COORD_PORT`…); `COORD_TASK` is always set. */
  taskEnv: Readonly<Record<string, string>> = {},
  agent?: TerminalAgent,
): vscode.Terminal {
  const terminal = vscode.window.createTerminal({
    name: `${task.id}: ${task.name}`,
    cwd,
    // COORD_TASK tells `coord mcp` and `coord agent-state` in this terminal whose task it is.
    env: {
      ...taskEnv,
      [AGENT_TERMINAL_TASK_ENV]: task.key,
      [AGENT_TASK_ENV]: task.key,
      ...trustedTerminalEnv(),
      ...(agent?.kind ? { [AGENT_KIND_ENV]: agent.kind } : {}),
      ...(agent?.launcherDir
        ? { PATH: [agent.launcherDir, process.env.PATH].filter(Boolean).join(delimiter) }
        : {}),
    },
    iconPath: new vscode.ThemeIcon(commandLine ? 'hubot' : 'terminal'),
  });
  terminal.show();
  if (commandLine) {
    terminal.sendText(commandLine, true);
  }
  return terminal;
}
