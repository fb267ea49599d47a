import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from './commandContext';

/** File order, or priority order inside each group. */
export function registerSortTasksBy({ tasks }: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.sortTasksByFileOrder, () =>
      tasks.options.setSortBy('file'),
    ),
    vscode.commands.registerCommand(Commands.sortTasksByPriority, () =>
      tasks.options.setSortBy('priority'),
    ),
  );
}
