import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from './commandContext';

export function registerClearTaskFilters({ tasks }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.clearTaskFilters, () =>
    tasks.options.clearFilters(),
  );
}
