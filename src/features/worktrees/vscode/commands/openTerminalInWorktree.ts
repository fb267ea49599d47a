import type * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { existingTaskTerminal, openTaskTerminal } from '../../../agents/vscode/agentTerminal';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';
import { registerTaskWorktreeCommand } from './taskWorktreeCommand';
import { taskTerminalEnv } from '../taskTerminalEnv';

/** Shows the task's terminal, as the Worktrees view does: the running one, else a new one there. */
export function registerOpenTerminalInWorktree(context: CommandContext): vscode.Disposable {
  return registerTaskWorktreeCommand(
    context,
    Commands.openTerminalInWorktree,
    'Open a terminal in the worktree of which task?',
    async (task, worktreePath, session) => {
      const running = existingTaskTerminal(task.key);
      if (running) {
        running.show();
        return running;
      }
      const env = await taskTerminalEnv(session.folder, task, worktreePath, (line) =>
        context.services.log.warn(line),
      );
      return openTaskTerminal(task, worktreePath, undefined, env);
    },
  );
}
