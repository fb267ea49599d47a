import { isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../../common/vscode/constants';
import type { CommandContext } from './commandContext';

/** Lets the user point a folder at a task file; stored in the folder's `coordinator.taskFile` setting. */
export function registerSelectTaskFile({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.selectTaskFile, async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder =
      folders.length <= 1
        ? folders[0]
        : await vscode.window.showWorkspaceFolderPick({
            placeHolder: 'Select a task file for which folder?',
          });
    if (!folder) {
      if (folders.length === 0) {
        void vscode.window.showWarningMessage(
          'Open a folder first: the task file setting belongs to a workspace folder.',
        );
      }
      return;
    }
    const picked = await vscode.window.showOpenDialog({
      defaultUri: folder.uri,
      canSelectMany: false,
      canSelectFolders: false,
      filters: { 'Task file': ['json', 'jsonc'] },
      openLabel: 'Use as Task File',
    });
    const file = picked?.[0];
    if (!file) {
      return;
    }
    const fromFolder = relative(folder.uri.fsPath, file.fsPath);
    const value =
      fromFolder.startsWith('..') || isAbsolute(fromFolder)
        ? file.fsPath
        : fromFolder.split('\\').join('/');
    await vscode.workspace
      .getConfiguration(Settings.section, folder.uri)
      .update(Settings.taskFile, value, vscode.ConfigurationTarget.WorkspaceFolder);
    services.log.info(`${folder.name}: task file set to ${value}`);
    // The configuration listener reloads the session; reload here too in case the value did not change.
    await services.sessions.sessionFor(folder.uri)?.reload();
  });
}
