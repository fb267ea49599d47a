import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { isWorktreeNode } from '../worktreeTreeNodes';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/**
 * Worktrees view: marks the worktree's task completed. It goes through Set Status so the guardrail
 * completion gate (when there is one) applies in exactly one place.
 */
export function registerFinishWorktreeTask({
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.finishWorktreeTask, async (node: unknown) => {
    if (!isWorktreeNode(node)) {
      return;
    }
    const session = node.repo.taskSession;
    if (!node.info.taskKey || !session) {
      void worktrees.ui.warn(`${node.info.path} is not linked to a task.`);
      return;
    }
    await vscode.commands.executeCommand(
      Commands.setTaskStatus,
      { taskKey: node.info.taskKey, folder: session.folder.uri.toString() },
      'completed',
    );
  });
}
