import * as vscode from 'vscode';
import type { Task } from '../../../../kernel/model/types';
import { resolveTask } from '../../../tasks/vscode/resolveTask';
import { worktreeLocation } from '../../../tasks/vscode/worktreeLocation';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';
import type { FolderSession } from '../../../common/vscode/services';

/**
 * Registers a task command that acts on the task's worktree folder, warning when it has none.
 * The command returns what `act` returns.
 */
export function registerTaskWorktreeCommand<T>(
  { services }: CommandContext,
  id: string,
  placeHolder: string,
  act: (task: Task, worktreePath: string, session: FolderSession) => T | Thenable<T>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, placeHolder);
    if (!target) {
      return;
    }
    const location = await worktreeLocation(target.session, target.task);
    if ('problem' in location) {
      void vscode.window.showWarningMessage(location.problem);
      return;
    }
    return act(target.task, location.path, target.session);
  });
}
