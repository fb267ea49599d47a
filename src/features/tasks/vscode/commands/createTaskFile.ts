import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import {
  TEMPLATE_RELATIVE_PATH,
  taskFileTemplate,
} from '../../../common/vscode/session/taskFileTemplate';
import type { CommandContext } from './commandContext';

/** Writes a starter task file to `docs/plans/task_status.json` (never over an existing one) and opens it. */
export function registerCreateTaskFile({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.createTaskFile, async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder =
      folders.length <= 1
        ? folders[0]
        : await vscode.window.showWorkspaceFolderPick({
            placeHolder: 'Create the task file in which folder?',
          });
    if (!folder) {
      if (folders.length === 0) {
        void vscode.window.showWarningMessage(
          'Open a folder first: the task file lives in the repository.',
        );
      }
      return;
    }
    const target = vscode.Uri.joinPath(folder.uri, TEMPLATE_RELATIVE_PATH);
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      void vscode.window.showInformationMessage(
        `${TEMPLATE_RELATIVE_PATH} already exists; opening it.`,
      );
    } else {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      await vscode.workspace.fs.writeFile(
        target,
        new TextEncoder().encode(taskFileTemplate(new Date())),
      );
      services.log.info(`Created ${target.fsPath}`);
    }
    await services.sessions.sessionFor(folder.uri)?.reload();
    await vscode.window.showTextDocument(target, { preview: false });
  });
}
