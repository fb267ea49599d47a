import * as vscode from 'vscode';
import { setupMergeDriver, type MergeDriverSetup } from '../../setupMergeDriver';
import { Commands } from '../../../common/vscode/constants';
import { extensionCoordLauncher } from '../extensionLauncher';
import type { FolderSession } from '../../../common/vscode/services';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';
import { errorLine } from '../../../../kernel/errors/errorLine';

/**
 * Wires the structural merge of the task file into git for the chosen folder's repository: the
 * `.gitattributes` line (to commit) and the local driver config (which git never shares).
 */
export function registerSetupMergeDriver({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.setupMergeDriver,
    async (target?: FolderSession): Promise<MergeDriverSetup | undefined> => {
      const session =
        target ??
        (await services.sessions.pickSession('Set up the merge driver for which folder?'));
      if (!session?.taskFile) {
        void vscode.window.showWarningMessage(
          'No task file found: the merge driver is set up for the repository that holds it.',
        );
        return undefined;
      }
      try {
        const setup = await setupMergeDriver(
          session.folder.uri.fsPath,
          session.taskFile.fsPath,
          extensionCoordLauncher(services.context),
        );
        services.log.info(`Merge driver for ${setup.taskFilePath}: ${setup.driver}`);
        void vscode.window.showInformationMessage(
          setup.addedLine
            ? `Added "${setup.addedLine}" to .gitattributes (commit it) and the merge driver to this repository's git config.`
            : `The merge driver for ${setup.taskFilePath} is now in this repository's git config.`,
        );
        return setup;
      } catch (error) {
        const message = errorLine(error);
        services.log.error(`Merge driver setup: ${message}`);
        void vscode.window.showErrorMessage(`Could not set up the merge driver: ${message}`);
        return undefined;
      }
    },
  );
}
