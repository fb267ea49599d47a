import * as vscode from 'vscode';
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
    },
    iconPath: new vscode.ThemeIcon(commandLine ? 'hubot' : 'terminal'),
  });
  terminal.show();
  if (commandLine) {
    terminal.sendText(commandLine, true);
  }
  return terminal;
}
