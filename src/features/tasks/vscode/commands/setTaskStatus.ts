import * as vscode from 'vscode';
import { TASK_STATUSES, type TaskStatus } from '../../../../kernel/model/types';
import { STATUS_APPEARANCE } from '../statusAppearance';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../resolveTask';
import type { CommandContext } from './commandContext';
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';
import { resolveActor } from '../../../../platform/identity/actor';
import { TaskFileStore } from '../../../../platform/taskfile/store';
import type { GateUi } from '../../gateUi';
import { refusalText } from '../../model/gates';
import { updateTask } from '../../updateTask';
import { reviewShortfalls } from '../../../reviews/reviewShortfalls';
import { errorLine } from '../../../../kernel/errors/errorLine';

/** Writes a new status to the task file through the store (minimal edit, nothing else touched). */
export function registerSetTaskStatus({
  services,
  completionCheck,
  pullRequestReviews,
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
      const taskFile = session.taskFile?.fsPath;
      try {
        await updateTask({
          store: {
            read: () =>
              taskFile
                ? new TaskFileStore(taskFile).read()
                : Promise.reject(new Error('no task file')),
            apply: async (edits) => {
              await session.apply(edits);
              return session.state!;
            },
          },
          taskKey: task.key,
          edits: [{ kind: 'setStatus', taskKey: task.key, status }],
          actor: await resolveActor('editor', session.folder.uri.fsPath),
          ui: completionCheck?.ui(session, task) ?? askToOverride,
          guardrailShortfalls: (projected) =>
            completionCheck?.shortfalls(session, projected) ?? Promise.resolve([]),
          reviewShortfalls: async (projected) => {
            const model = session.state?.model;
            return model
              ? reviewShortfalls({
                  folder: session.folder.uri.fsPath,
                  model,
                  task: projected,
                  pullRequestReviews: pullRequestReviews?.(session),
                })
              : [];
          },
        });
      } catch (error) {
        if (CoordinatorError.is(error, 'gateRefused')) {
          return; // The person answered the gate's question.
        }
        services.log.error(`Set status of ${task.key}: ${String(error)}`);
        void vscode.window.showErrorMessage(
          `Could not set the status of "${task.name}": ${errorLine(error)}`,
        );
      }
    },
  );
}

const COMPLETE_ANYWAY = 'Complete Anyway';

/** The gate's question where no guardrails are wired. */
const askToOverride: GateUi = {
  async confirmOverride(check) {
    const choice = await vscode.window.showWarningMessage(
      refusalText(check),
      { modal: true, detail: check.reasons.map((reason) => `• ${reason}`).join('\n') },
      COMPLETE_ANYWAY,
    );
    return choice === COMPLETE_ANYWAY;
  },
};
