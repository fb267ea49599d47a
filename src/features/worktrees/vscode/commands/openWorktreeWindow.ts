import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { isWorktreeNode } from '../worktreeTreeNodes';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/** Worktrees view: opens the worktree's folder in a new window. */
export function registerOpenWorktreeWindow({
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openWorktreeWindow, async (node: unknown) => {
    if (!isWorktreeNode(node) || node.info.prunable) {
      return;
    }
    await worktrees.ui.openFolderInNewWindow(node.info.path);
  });
}
