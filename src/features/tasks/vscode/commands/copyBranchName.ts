import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import type { CommandContext } from './commandContext';

export function registerCopyBranchName({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.copyBranchName, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Copy the branch of which task?');
    if (!target) {
      return;
    }
    if (!target.task.branch) {
      void vscode.window.showWarningMessage(
        `"${target.task.name}" has no branch in the task file.`,
      );
      return;
    }
    await vscode.env.clipboard.writeText(target.task.branch);
    vscode.window.setStatusBarMessage(`Copied ${target.task.branch}`, 3000);
  });
}
