import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import type { FolderSession } from '../../common/vscode/services';
import type { AttentionItem } from '../model/attentionItem';

/** The live terminal running a task's agent, if one is open (the agents feature knows). */
export type TaskTerminalFinder = (taskKey: string) => vscode.Terminal | undefined;

/** Where an item says to go: the agent's terminal, the task's changes, the task, the guardrail. */
export async function openAttentionItem(
  session: FolderSession,
  item: AttentionItem,
  taskTerminal: TaskTerminalFinder,
): Promise<void> {
  const target = item.target;
  const revealTask = (taskKey: string) =>
    vscode.commands.executeCommand(Commands.revealTask, {
      taskKey,
      folder: session.folder.uri.toString(),
    });
  switch (target.kind) {
    case 'terminal': {
      const terminal = taskTerminal(target.taskKey);
      if (terminal) {
        terminal.show();
        return;
      }
      await revealTask(target.taskKey);
      return;
    }
    case 'diff': {
      const worktree = session.state?.model?.byKey.get(target.taskKey)?.worktreePath;
      if (worktree) {
        const path = vscode.Uri.joinPath(session.folder.uri, worktree).fsPath;
        // The git extension lists the worktree's changes; without it the task is shown instead.
        const opened = await vscode.commands.executeCommand('git.openRepository', path).then(
          () => true,
          () => false,
        );
        if (opened) {
          await vscode.commands.executeCommand('workbench.view.scm');
          return;
        }
      }
      await revealTask(target.taskKey);
      return;
    }
    case 'task':
      await revealTask(target.taskKey);
      return;
    case 'guardrail':
      await vscode.commands.executeCommand(Commands.showGuardrailOutput);
      return;
  }
}
