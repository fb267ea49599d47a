import * as path from 'node:path';
import * as vscode from 'vscode';
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';
import type { ReviewVerdict } from '../../../../kernel/model/reviews';
import { resolveActor } from '../../../../platform/identity/actor';
import { TaskFileStore } from '../../../../platform/taskfile/store';
import { Commands } from '../../../common/vscode/constants';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';
import { resolveTask } from '../../../tasks/vscode/resolveTask';
import { isWorker } from '../../model/reviewStanding';
import { recordReview, reviewerChecklist } from '../../recordReview';
import { taskReviewState } from '../../taskReviewState';
import { errorLine } from '../../../../kernel/errors/errorLine';

/**
 * Records a review of a task's branch head: the verdict, the reviewer's checklist as check
 * boxes, and a note. The use case refuses a self-approval or an approval with unchecked items.
 */
export function registerReviewTask({
  services,
  pullRequestReviews,
}: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.reviewTask, async (arg: unknown) => {
    const target = await resolveTask(services.sessions, arg, 'Review which task?');
    if (!target) {
      return;
    }
    const { session, task } = target;
    const taskFile = session.taskFile?.fsPath;
    const model = session.state?.model;
    if (!taskFile || !model) {
      return;
    }
    const folder = path.dirname(taskFile);
    try {
      const actor = await resolveActor('editor', session.folder.uri.fsPath);
      const state = await taskReviewState({
        folder,
        model,
        task,
        pullRequestReviews: pullRequestReviews?.(session),
      });
      const { checklist } = reviewerChecklist(state, actor.name);
      const verdict = await pickVerdict(task.name, actor.name, isWorker(actor.name, state.workers));
      if (!verdict) {
        return;
      }
      const checked = await pickChecks(checklist, verdict);
      if (!checked) {
        return;
      }
      const note = await vscode.window.showInputBox({
        title: `Review of "${task.name}"`,
        prompt: 'A note for the task (optional)',
      });
      if (note === undefined) {
        return;
      }
      const recorded = await recordReview({
        store: {
          read: () => new TaskFileStore(taskFile).read(),
          apply: async (edits) => {
            await session.apply(edits);
            return session.state!;
          },
        },
        folder,
        taskKey: task.key,
        verdict,
        checked,
        note,
        actor,
      });
      const done = verdict === 'approve' ? 'approved' : 'requested changes on';
      const message = `${actor.name} ${done} "${task.name}".`;
      if (recorded.counts) {
        void vscode.window.showInformationMessage(message);
      } else {
        void vscode.window.showWarningMessage(
          `${message} No required review of it is yours to give, so this opens no gate.`,
        );
      }
    } catch (error) {
      if (!CoordinatorError.is(error)) {
        services.log.error(`Review ${task.key}: ${String(error)}`);
      }
      void vscode.window.showErrorMessage(
        `Could not record the review of "${task.name}": ${errorLine(error)}`,
      );
    }
  });
}

async function pickVerdict(
  taskName: string,
  reviewer: string,
  didTheWork: boolean,
): Promise<ReviewVerdict | undefined> {
  const approve = { label: '$(check) Approve', verdict: 'approve' as const };
  const requestChanges = {
    label: '$(request-changes) Request Changes',
    verdict: 'request_changes' as const,
  };
  const picked = await vscode.window.showQuickPick(
    didTheWork ? [requestChanges] : [approve, requestChanges],
    {
      title: `Review "${taskName}" as ${reviewer}`,
      placeHolder: didTheWork
        ? 'You own this task or did its work, so you cannot approve it'
        : 'Verdict on the branch head',
    },
  );
  return picked?.verdict;
}

/** The checked item numbers, [] without a checklist, undefined when the person cancelled. */
async function pickChecks(
  checklist: readonly string[],
  verdict: ReviewVerdict,
): Promise<number[] | undefined> {
  if (checklist.length === 0) {
    return [];
  }
  const picked = await vscode.window.showQuickPick(
    checklist.map((item, index) => ({
      label: item,
      description: `${index + 1}`,
      number: index + 1,
    })),
    {
      canPickMany: true,
      title: 'Checklist',
      placeHolder:
        verdict === 'approve' ? 'Check every item to approve' : 'Check the items that hold',
    },
  );
  return picked?.map((item) => item.number);
}
