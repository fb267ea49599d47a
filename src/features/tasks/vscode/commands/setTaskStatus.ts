import * as vscode from 'vscode';
import { TASK_STATUSES, type TaskStatus } from '../../../../kernel/model/types';
import { STATUS_APPEARANCE } from '../statusAppearance';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import type { CommandContext } from './commandContext';

/** Writes a new status to the task file through the store (minimal edit, nothing else touched). */
export function registerSetTaskStatus({
  services,
  completionCheck,
}: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.setTaskStatus,
    async (arg: unknown, statusArg?: unknown) => {
      const target = await resolveTask(services.sessions, arg, 'Set the status of which task?');
      if (!target) {
        return;
      }
      const { session, task } = target;
      let status: TaskStatus | undefined = TASK_STATUSES.find((s) => s === statusArg);
      if (!status) {
        const picked = await vscode.window.showQuickPick(
          TASK_STATUSES.map((s) => ({
            label: `$(${STATUS_APPEARANCE[s].icon}) ${STATUS_APPEARANCE[s].label}`,
            description: s === task.status ? 'current' : s,
            status: s,
          })),
          { placeHolder: `Status of "${task.name}"` },
        );
        status = picked?.status;
      }
      if (!status || status === task.status) {
        return;
      }
      if (
        status === 'completed' &&
        completionCheck &&
        !(await completionCheck.mayComplete(session, task))
      ) {
        return;
      }
      try {
        await session.apply({ kind: 'setStatus', taskKey: task.key, status });
      } catch (error) {
        services.log.error(`Set status of ${task.key}: ${String(error)}`);
        void vscode.window.showErrorMessage(
          `Could not set the status of "${task.name}": ${errorText(error)}`,
        );
      }
    },
  );
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
