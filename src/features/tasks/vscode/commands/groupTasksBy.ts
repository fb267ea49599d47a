import * as vscode from 'vscode';
import type { GroupBy } from '../../model/grouping';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from './commandContext';

const GROUP_BY_COMMANDS: Record<GroupBy, string> = {
  group: Commands.groupTasksByGroup,
  owner: Commands.groupTasksByOwner,
  status: Commands.groupTasksByStatus,
  priority: Commands.groupTasksByPriority,
  phase: Commands.groupTasksByPhase,
};

/** One command per grouping, so the view-title submenu can check the current one. */
export function registerGroupTasksBy({ tasks }: CommandContext): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(GROUP_BY_COMMANDS).map(([groupBy, id]) =>
      vscode.commands.registerCommand(id, () => tasks.options.setGroupBy(groupBy as GroupBy)),
    ),
  );
}
