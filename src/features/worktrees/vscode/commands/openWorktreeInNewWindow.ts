import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';
import { registerTaskWorktreeCommand } from './taskWorktreeCommand';

export function registerOpenWorktreeInNewWindow(context: CommandContext): vscode.Disposable {
  return registerTaskWorktreeCommand(
    context,
    Commands.openWorktreeInNewWindow,
    'Open the worktree of which task?',
    (_task, worktreePath) =>
      vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(worktreePath), {
        forceNewWindow: true,
      }),
  );
}
