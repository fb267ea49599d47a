import * as vscode from 'vscode';
import { Commands } from '../constants';
import { resolveTask } from '../tasks/resolveTask';
import { worktreeLocation } from '../tasks/worktreeLocation';
import type { CommandContext } from './commandContext';

export function registerOpenTerminalInWorktree({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openTerminalInWorktree, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Open a terminal in the worktree of which task?');
    if (!target) {
      return;
    }
    const location = await worktreeLocation(target.session, target.task);
    if ('problem' in location) {
      void vscode.window.showWarningMessage(location.problem);
      return;
    }
    const terminal = vscode.window.createTerminal({ name: `${target.task.id}: ${target.task.name}`, cwd: location.path });
    terminal.show();
  });
}
