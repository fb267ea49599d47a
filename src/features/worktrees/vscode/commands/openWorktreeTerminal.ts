import { basename } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import {
  existingTaskTerminal,
  openTaskTerminal,
  trustedTerminalEnv,
} from '../../../agents/vscode/agentTerminal';
import { isWorktreeNode } from '../worktreeTreeNodes';
import { taskTerminalEnv } from '../taskTerminalEnv';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/**
 * Worktrees view: a terminal in the worktree. For a task's worktree it is marked with the task key
 * (the agent-exit notice finds it) and an open one is shown instead of a second; no agent is started.
 */
export function registerOpenWorktreeTerminal(context: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.openWorktreeTerminal,
    async (node: unknown): Promise<vscode.Terminal | undefined> => {
      if (!isWorktreeNode(node) || node.info.prunable) {
        return undefined;
      }
      const task = node.info.taskKey ? node.repo.model?.byKey.get(node.info.taskKey) : undefined;
      if (task) {
        const running = existingTaskTerminal(task.key);
        if (running) {
          running.show();
          return running;
        }
        const env = await taskTerminalEnv(
          node.repo.taskSession?.folder,
          task,
          node.info.path,
          (line) => context.services.log.warn(line),
        );
        return openTaskTerminal(task, node.info.path, undefined, env);
      }
      const terminal = vscode.window.createTerminal({
        name: basename(node.info.path),
        cwd: node.info.path,
        env: trustedTerminalEnv(),
      });
      terminal.show();
      return terminal;
    },
  );
}
