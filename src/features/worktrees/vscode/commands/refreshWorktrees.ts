import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/** Lists every worktree again, asking git for every worktree's changes (no cached answer). */
export function registerRefreshWorktrees({ worktrees }: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.refreshWorktrees, () =>
    worktrees.provider.refresh({ fresh: true }),
  );
}
