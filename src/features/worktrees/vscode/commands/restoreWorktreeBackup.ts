import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { listBackupRefs, restoreBackup, type RestoreResult } from '../../restoreBackup';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/** Restore Worktree from Backup…: a branch the reaper backed up, and its worktree where it was. */
export function registerRestoreWorktreeBackup({
  services,
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.restoreWorktreeBackup,
    async (name?: string): Promise<RestoreResult | undefined> => {
      const ui = worktrees.ui;
      for (const repo of await worktrees.provider.repositories()) {
        const backups = await listBackupRefs(repo.mainRoot);
        const backup =
          typeof name === 'string'
            ? backups.find((candidate) => candidate.name === name)
            : (
                await vscode.window.showQuickPick(
                  backups.map((candidate) => ({
                    label: candidate.name,
                    description: candidate.oid.slice(0, 9),
                    detail: candidate.note,
                    candidate,
                  })),
                  { placeHolder: 'Backup to restore' },
                )
              )?.candidate;
        if (!backup) {
          continue;
        }
        try {
          const restored = await restoreBackup(repo.mainRoot, backup.name);
          services.log.info(`Restored ${restored.branch} ${restored.path ?? ''}`.trim());
          void ui.info(
            `Restored ${restored.branch}${restored.path ? ` in ${restored.path}` : ''}.`,
          );
          await repo.refresh();
          return restored;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          void ui.error(`Could not restore ${backup.name}: ${message}`);
          return undefined;
        }
      }
      if (typeof name !== 'string') {
        void ui.info('No worktree backups to restore.');
      }
      return undefined;
    },
  );
}
