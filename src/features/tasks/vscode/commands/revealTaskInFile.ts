import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import type { CommandContext } from './commandContext';

/** Opens the task file with the task's JSON object selected. */
export function registerRevealTaskInFile({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.revealTaskInFile, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Reveal which task in the task file?');
    const file = target?.session.taskFile;
    if (!target || !file) {
      return;
    }
    const document = await vscode.workspace.openTextDocument(file);
    const range = target.task.range;
    let selection: vscode.Selection | undefined;
    if (range && document.getText() === target.session.state?.text) {
      selection = new vscode.Selection(
        document.positionAt(range.offset),
        document.positionAt(range.offset + range.length),
      );
    } else {
      // The editor holds unsaved changes, so offsets from the last read may be off: find the key instead.
      const at = document.getText().indexOf(JSON.stringify(target.task.key));
      if (at >= 0) {
        const start = document.positionAt(at);
        selection = new vscode.Selection(
          start,
          document.positionAt(at + JSON.stringify(target.task.key).length),
        );
      }
    }
    const editor = await vscode.window.showTextDocument(document, { selection, preview: false });
    if (selection) {
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  });
}
