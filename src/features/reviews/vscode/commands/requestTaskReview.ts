import * as path from 'node:path';
import * as vscode from 'vscode';
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';
import { errorLine } from '../../../../kernel/errors/errorLine';
import { resolveActor } from '../../../../platform/identity/actor';
import { TaskFileStore } from '../../../../platform/taskfile/store';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';
import { resolveTask } from '../../../tasks/vscode/resolveTask';
import { reviewerLabel } from '../../model/reviewStanding';
import { requestReview } from '../../requestReview';

/**
 * Asks for the reviews a task needs, of its branch head, as `coord review KEY --request` and the
 * MCP `request_review` tool do: the same use case records who asked and when, and refuses a task
 * that needs no review. A note given as the second argument skips the note prompt.
 */
export function registerRequestTaskReview({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.requestReview,
    async (arg: unknown, noteArg?: unknown) => {
      const target = await resolveTask(services.sessions, arg, 'Request a review of which task?');
      if (!target) {
        return;
      }
      const { session, task } = target;
      const taskFile = session.taskFile?.fsPath;
      if (!taskFile || !session.state?.model) {
        return;
      }
      const note =
        typeof noteArg === 'string'
          ? noteArg
          : await vscode.window.showInputBox({
              title: `Request a review of "${task.name}"`,
              prompt: 'What should the reviewer look at? (optional)',
            });
      if (note === undefined) {
        return;
      }
      try {
        const { request, state } = await requestReview({
          store: {
            read: () => new TaskFileStore(taskFile).read(),
            apply: async (edits) => {
              await session.apply(edits);
              return session.state!;
            },
          },
          folder: path.dirname(taskFile),
          taskKey: task.key,
          note,
          actor: await resolveActor('editor', session.folder.uri.fsPath),
        });
        const awaited = state.standing
          .filter((standing) => standing.state !== 'approved')
          .map((standing) => reviewerLabel(standing.gate));
        const commit = request.commit ? ` of ${request.commit.slice(0, 10)}` : '';
        const from = awaited.length > 0 ? `: waiting for ${awaited.join(', ')}` : '';
        void vscode.window.showInformationMessage(
          `${request.by} asked for the review${commit} of "${task.name}"${from}.`,
        );
      } catch (error) {
        if (!CoordinatorError.is(error)) {
          services.log.error(`Request review of ${task.key}: ${String(error)}`);
        }
        void vscode.window.showErrorMessage(
          `Could not request a review of "${task.name}": ${errorLine(error)}`,
        );
      }
    },
  );
}
