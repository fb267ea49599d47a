import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/** Lists every worktree again, with fresh status. */
export function registerRefreshWorktrees({ worktrees }: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.refreshWorktrees, () =>
    worktrees.provider.refresh(),
  );
}
