import * as vscode from 'vscode';
import type { TaskFilters } from '../../model/filters';
import { Commands, Settings } from '../../../common/vscode/constants';
import type { CommandContext } from './commandContext';

const FILTER_COMMANDS: Record<keyof TaskFilters, string> = {
  ready: Commands.filterReadyTasks,
  mine: Commands.filterMyTasks,
  blocked: Commands.filterBlockedTasks,
  hideCompleted: Commands.hideCompletedTasks,
};

/** Each filter toggles on its own; active ones narrow together. */
export function registerToggleTaskFilter({ tasks }: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(FILTER_COMMANDS).map(([name, id]) =>
      vscode.commands.registerCommand(id, async () => {
        const filter = name as keyof TaskFilters;
        if (
          filter === 'mine' &&
          !tasks.options.current.filters.mine &&
          tasks.options.current.me === ''
        ) {
          const set = 'Set coordinator.me';
          const answer = await vscode.window.showInformationMessage(
            '"My tasks" needs your name as the task file writes owners (setting coordinator.me).',
            set,
          );
          if (answer === set) {
            await vscode.commands.executeCommand(
              'workbench.action.openSettings',
              `${Settings.section}.${Settings.me}`,
            );
          }
          return;
        }
        tasks.options.toggleFilter(filter);
      }),
    ),
  );
}
