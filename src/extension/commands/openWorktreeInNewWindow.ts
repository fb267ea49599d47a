import * as vscode from 'vscode';
import { Commands } from '../constants';
import { resolveTask } from '../tasks/resolveTask';
import { worktreeLocation } from '../tasks/worktreeLocation';
import type { CommandContext } from './commandContext';

export function registerOpenWorktreeInNewWindow({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openWorktreeInNewWindow, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Open the worktree of which task?');
    if (!target) {
      return;
    }
    const location = await worktreeLocation(target.session, target.task);
    if ('problem' in location) {
      void vscode.window.showWarningMessage(location.problem);
      return;
    }
    await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(location.path), { forceNewWindow: true });
  });
}
