import * as vscode from 'vscode';
import { Commands, Settings } from '../constants';
import type { CoordinatorServices } from '../services';
import { taskOfTerminal, type AgentTerminalTask } from './agentTerminals';

/**
 * Tells the user when a task's agent finishes: a command ending in the agent's terminal (exit code
 * from shell integration), or the terminal's own process exiting.
 */
export function registerAgentExitNotifier(services: CoordinatorServices): void {
  const notify = (found: AgentTerminalTask, folderUri: vscode.Uri, exitCode: number | undefined, what: string): void => {
    const enabled = vscode.workspace.getConfiguration(Settings.section, folderUri).get<boolean>(Settings.notifyAgentExit, true);
    if (!enabled) {
      return;
    }
    const outcome = exitCode === undefined ? 'ended' : exitCode === 0 ? 'finished (exit code 0)' : `failed (exit code ${exitCode})`;
    const message = `${what} for "${found.task.name}" ${outcome}.`;
    const show = 'Show Task';
    const reveal = exitCode === 0 || exitCode === undefined ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void Promise.resolve(reveal(message, show)).then((answer) => {
      if (answer === show) {
        void vscode.commands.executeCommand(Commands.revealTask, { taskKey: found.task.key, folder: found.session.folder.uri.toString() });
      }
    });
  };

  services.context.subscriptions.push(
    vscode.window.onDidEndTerminalShellExecution((event) => {
      const found = taskOfTerminal(services.sessions, event.terminal);
      if (found) {
        const command = event.execution.commandLine.value.trim().split(/\s+/)[0] || 'The agent';
        notify(found, found.session.folder.uri, event.exitCode, `\`${command}\``);
      }
    }),
    vscode.window.onDidCloseTerminal((terminal) => {
      if (terminal.exitStatus?.reason !== vscode.TerminalExitReason.Process) {
        return;
      }
      const found = taskOfTerminal(services.sessions, terminal);
      if (found) {
        notify(found, found.session.folder.uri, terminal.exitStatus.code, 'The agent terminal');
      }
    }),
  );
}
