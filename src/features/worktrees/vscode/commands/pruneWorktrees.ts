import * as vscode from 'vscode';
import { pruneWorktrees } from '../..';
import { Commands } from '../../../common/vscode/constants';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/** `git worktree prune` in every repository of the workspace, reporting what git pruned. */
export function registerPruneWorktrees({
  services,
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.pruneWorktrees, async (): Promise<string[]> => {
    const repos = await worktrees.provider.repositories();
    const pruned: string[] = [];
    for (const repo of repos) {
      try {
        const lines = await pruneWorktrees(repo.mainRoot);
        lines.forEach((line) => services.log.info(`Prune ${repo.mainRoot}: ${line}`));
        pruned.push(...lines);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Prune ${repo.mainRoot}: ${message}`);
        void worktrees.ui.error(`Could not prune the worktrees of ${repo.mainRoot}: ${message}`);
      }
      await repo.refresh();
    }
    void worktrees.ui.info(
      pruned.length > 0
        ? `Pruned ${pruned.length} stale worktree entr${pruned.length === 1 ? 'y' : 'ies'}.`
        : 'No stale worktree entries to prune.',
    );
    return pruned;
  });
}
