import { basename } from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { sharingLine } from '../../model/sharedDependencies';
import { prepareWorktree, type PreparedWorktree } from '../../prepareWorktree';
import { isWorktreeNode } from '../worktreeTreeNodes';
import { worktreeSettingsFor } from '../worktreeSettings';
import type { WorktreeCommandContext } from './worktreeCommandContext';

/**
 * Worktrees view: gives a linked worktree that Start Task did not make (by hand, another tool)
 * the folders of `coordinator.worktrees.sharedDependencies`, through the same preparation as a
 * start; the setup command runs, in a trusted workspace, only for the folders left to it.
 */
export function registerPrepareWorktreeDependencies({
  services,
  worktrees,
}: WorktreeCommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.prepareWorktreeDependencies,
    async (node: unknown): Promise<PreparedWorktree | undefined> => {
      if (!isWorktreeNode(node)) {
        return undefined;
      }
      const ui = worktrees.ui;
      const { info, repo } = node;
      const name = basename(info.path);
      const settings = worktreeSettingsFor(repo.taskSession?.folder);
      if (settings.sharedDependencies.length === 0) {
        void ui.info(
          'Nothing to prepare: coordinator.worktrees.sharedDependencies names no folder.',
        );
        return undefined;
      }
      const setupCommand = settings.setupCommand.trim();
      const model = repo.taskSession?.state?.model;
      try {
        const prepared = await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `Preparing the shared dependencies of ${name}`,
          },
          () =>
            prepareWorktree({
              cwd: repo.mainRoot,
              worktreePath: info.path,
              folders: settings.sharedDependencies,
              setupCommand,
              isTrusted: () => vscode.workspace.isTrusted,
              onOutput: (chunk) => services.log.append(chunk),
              plan: model && { model, settings },
            }),
        );
        const lines = prepared.shared.map((shared) => sharingLine(shared, setupCommand !== ''));
        for (const line of lines) {
          services.log.info(`Prepare ${name}: ${line}.`);
        }
        if (prepared.setup === 'skippedUntrusted') {
          services.log.warn(
            `Prepare ${name}: the setup command did not run (untrusted workspace).`,
          );
        }
        const done = prepared.shared.filter((shared) => shared.files !== undefined).length;
        const ran = prepared.task
          ? `; the setup command ran with the ports of ${prepared.task}`
          : '; the setup command ran';
        void ui.info(
          `Prepared ${done} of ${prepared.shared.length} shared folder(s) in "${name}"${prepared.setup === 'ran' ? ran : ''} (see the Coordinator output).`,
        );
        return prepared;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Prepare ${name}: ${message}`);
        void ui.error(`Could not prepare the shared dependencies of "${name}": ${message}`);
        return undefined;
      } finally {
        await repo.refresh();
      }
    },
  );
}
