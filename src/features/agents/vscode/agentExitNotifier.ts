import * as vscode from 'vscode';
import { coordinatorSettings } from '../../common/vscode/settings';
import { agentExitMessage } from '../model/agentExit';
import { Commands, Settings } from '../../common/vscode/constants';
import type { CoordinatorServices } from '../../common/vscode/services';
import { taskOfTerminal, type AgentTerminalTask } from './agentTerminals';

/**
 * Tells the user when a task's agent finishes: a command ending in the agent's terminal (exit code
 * from shell integration), or the terminal's own process exiting.
 */
export function registerAgentExitNotifier(services: CoordinatorServices): void {
  const notify = (
    found: AgentTerminalTask,
    folderUri: vscode.Uri,
    exitCode: number | undefined,
    command: string | undefined,
  ): void => {
    const settings = coordinatorSettings(folderUri);
    if (!settings.flag(Settings.notifyAgentExit)) {
      return;
    }
    // A clean finish is announced by the attention queue's notice ("… finished: review its
    // work"); saying it again here only doubled it.
    if (exitCode === 0 && settings.flag(Settings.notifyAgentAttention)) {
      return;
    }
    const message = agentExitMessage(command, found.task.name, exitCode);
    const show = 'Show Task';
    const openSettings = 'Open Agent Settings';
    const actions = message.commandProblem ? [show, openSettings] : [show];
    const reveal = message.failed
      ? vscode.window.showWarningMessage
      : vscode.window.showInformationMessage;
    void Promise.resolve(reveal(message.text, ...actions)).then((answer) => {
      if (answer === show) {
        void vscode.commands.executeCommand(Commands.revealTask, {
          taskKey: found.task.key,
          folder: found.session.folder.uri.toString(),
        });
      } else if (answer === openSettings) {
        void vscode.commands.executeCommand(
          'workbench.action.openSettings',
          `${Settings.section}.${Settings.agents}`,
        );
      }
    });
  };

  services.context.subscriptions.push(
    vscode.window.onDidEndTerminalShellExecution((event) => {
      const found = taskOfTerminal(services.sessions, event.terminal);
      if (found) {
        const command = event.execution.commandLine.value.trim().split(/\s+/)[0] || undefined;
        notify(found, found.session.folder.uri, event.exitCode, command);
      }
    }),
    vscode.window.onDidCloseTerminal((terminal) => {
      if (terminal.exitStatus?.reason !== vscode.TerminalExitReason.Process) {
        return;
      }
      const found = taskOfTerminal(services.sessions, terminal);
      if (found) {
        notify(found, found.session.folder.uri, terminal.exitStatus.code, undefined);
      }
    }),
  );
}
