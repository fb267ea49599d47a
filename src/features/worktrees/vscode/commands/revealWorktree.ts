import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { isWorktreeNode } from '../worktreeTreeNodes';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/** Worktrees view: reveals the folder in the Explorer when it is in the workspace, else in the OS file manager. */
export function registerRevealWorktree({ worktrees }: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.revealWorktree,
    async (node: unknown): Promise<'explorer' | 'os' | undefined> => {
      if (!isWorktreeNode(node) || node.info.prunable) {
        return undefined;
      }
      const uri = vscode.Uri.file(node.info.path);
      if (vscode.workspace.getWorkspaceFolder(uri)) {
        await vscode.commands.executeCommand('revealInExplorer', uri);
        return 'explorer';
      }
      try {
        await vscode.commands.executeCommand('revealFileInOS', uri);
        return 'os';
      } catch {
        // A browser workbench has no OS file manager to show.
        void worktrees.ui.info(`The worktree is outside this workspace: ${node.info.path}`);
        return undefined;
      }
    },
  );
}
