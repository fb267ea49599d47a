import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import type { CommandContext } from './commandContext';
import { errorLine } from '../../../../kernel/errors/errorLine';
import { parseProgressInput } from '../../model/progressInput';

export function registerSetTaskProgress({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.setTaskProgress, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Set the progress of which task?');
    if (!target) {
      return;
    }
    const { session, task } = target;
    const total = task.progress?.totalSteps || undefined;
    const value = await vscode.window.showInputBox({
      title: `Progress of "${task.name}"`,
      prompt: total
        ? `Completed steps out of ${total} (or completed/total)`
        : 'Completed steps/total steps, like 2/5',
      value: task.progress
        ? `${task.progress.completedSteps}${total ? '' : `/${task.progress.totalSteps}`}`
        : '',
      validateInput: (text) => {
        const parsed = parseProgressInput(text, total);
        return typeof parsed === 'string' ? parsed : undefined;
      },
    });
    if (value === undefined) {
      return;
    }
    const parsed = parseProgressInput(value, total);
    if (typeof parsed === 'string') {
      return;
    }
    try {
      await session.apply({
        kind: 'setProgress',
        taskKey: task.key,
        completedSteps: parsed.completed,
        totalSteps: parsed.total,
      });
    } catch (error) {
      services.log.error(`Set progress of ${task.key}: ${String(error)}`);
      void vscode.window.showErrorMessage(
        `Could not set the progress of "${task.name}": ${errorLine(error)}`,
      );
    }
  });
}
