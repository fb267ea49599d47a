import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { TaskDetailPanel } from '../taskDetailPanel';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { resolveTask } from '../../../tasks/vscode/resolveTask';

/** Opens a task's detail: from a click (or Enter) in the tree, a `{ taskKey, folder }`, or a pick. */
export function registerOpenTask(
  services: CoordinatorServices,
  panel: TaskDetailPanel,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openTask, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Open which task?');
    if (target) {
      panel.show(target.session, target.task.key);
    }
    return target?.task.key;
  });
}
