import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import type { WebviewMessage } from '../../../protocol/messages';
import { errorLine } from '../../../kernel/errors/errorLine';

/** Owned by the guardrail feature; the dashboard only calls it. */
export const RUN_GUARDRAIL_COMMAND = 'coordinator.runGuardrail';

export type ExecuteCommand = (command: string, ...args: unknown[]) => Thenable<unknown>;

/** A task reference as the task commands accept it: the task's key and its folder's URI. */
export interface DashboardTaskArgument {
  taskKey: string;
  folder: string;
  folderUri: string;
}

export interface DashboardFolderArgument {
  folder: string;
  folderUri: string;
}

export interface DashboardGuardrailArgument {
  key: string;
  folder: string;
  folderUri: string;
}

/** Dashboard messages that act on one task, and the command each runs. */
const TASK_COMMANDS = {
  startTask: Commands.startTaskInWorktree,
  openPullRequest: Commands.openTaskPullRequest,
  revealTask: Commands.revealTaskInFile,
  setStatus: Commands.setTaskStatus,
  runGuardrailsInWorktree: Commands.runGuardrailsInWorktree,
  openTask: Commands.openTask,
} as const;

/** The command and argument each page action maps to; undefined for messages that are not actions. */
export function commandFor(
  message: WebviewMessage,
  folderUri: string,
):
  | {
      command: string;
      argument: DashboardTaskArgument | DashboardGuardrailArgument | DashboardFolderArgument;
    }
  | undefined {
  switch (message.type) {
    case 'startTask':
    case 'openPullRequest':
    case 'revealTask':
    case 'setStatus':
    case 'runGuardrailsInWorktree':
    case 'openTask':
      return {
        command: TASK_COMMANDS[message.type],
        argument: { taskKey: message.taskKey, folder: folderUri, folderUri },
      };
    case 'runGuardrail':
      return {
        command: RUN_GUARDRAIL_COMMAND,
        argument: { key: message.guardrailKey, folder: folderUri, folderUri },
      };
    case 'signInToGitHub':
      return { command: Commands.signInToGitHub, argument: { folder: folderUri, folderUri } };
    default:
      return undefined;
  }
}

/** Runs the command behind a page action; a failure becomes a message, never an unhandled rejection. */
export async function runDashboardAction(
  message: WebviewMessage,
  folderUri: string,
  log: vscode.LogOutputChannel,
  execute: ExecuteCommand = vscode.commands.executeCommand,
): Promise<void> {
  const action = commandFor(message, folderUri);
  if (!action) {
    return;
  }
  try {
    await execute(action.command, action.argument);
  } catch (error) {
    log.error(`Dashboard action ${message.type} failed: ${String(error)}`);
    void vscode.window.showErrorMessage(`Could not run ${action.command}: ${errorLine(error)}`);
  }
}
