import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import { revealTaskNode } from '../revealTaskNode';
import type { CommandContext } from './commandContext';

/** Selects a task in the Tasks view (from a dependency row, a notification, or `{ taskKey, folder }`). */
export function registerRevealTask({ services, tasks }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.revealTask, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Show which task?');
    if (!target) {
      return;
    }
    const node = tasks.provider.findTaskNode(target.session, target.task.key);
    if (!node) {
      const clear = 'Clear Filters';
      const answer = await vscode.window.showInformationMessage(
        `"${target.task.name}" is hidden by the view's filters.`,
        clear,
      );
      if (answer === clear) {
        tasks.options.clearFilters();
        await revealTaskNode(tasks.view, tasks.provider, target.session, target.task.key, {
          select: true,
          focus: true,
        });
      }
      return;
    }
    await revealTaskNode(tasks.view, tasks.provider, target.session, target.task.key, {
      select: true,
      focus: true,
    });
  });
}
