import * as vscode from 'vscode';
import { Commands } from '../constants';

/** Registers every command declared in package.json. Each command lives in its own file. */
export function registerCommands(context: vscode.ExtensionContext): void {
  for (const id of Object.values(Commands)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, () =>
        vscode.window.showInformationMessage(`${id} is not built yet.`),
      ),
    );
  }
}
