import * as vscode from 'vscode';
import { TaskFileStore } from '../../../../platform/taskfile/store';
import { commitPlan, type CommitPlanResult } from '../../commitPlan';
import { Commands } from '../../../common/vscode/constants';
import type { FolderSession } from '../../../common/vscode/services';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';

/**
 * Commits the task file alone on the branch of the checkout that holds it, with a message listing
 * the task changes; the user's staged changes stay staged (`coord commit-plan` does the same).
 */
export function registerCommitPlan({ services }: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.commitPlan,
    async (target?: FolderSession): Promise<CommitPlanResult | undefined> => {
      const session =
        target ?? (await services.sessions.pickSession('Commit the plan of which folder?'));
      if (!session?.taskFile) {
        void vscode.window.showWarningMessage('No task file found to commit.');
        return undefined;
      }
      const name = vscode.workspace.asRelativePath(session.taskFile);
      try {
        const result = await commitPlan({ store: new TaskFileStore(session.taskFile.fsPath) });
        if (result.kind === 'nothing') {
          void vscode.window.showInformationMessage(
            `Nothing to commit: ${name} is as HEAD has it.`,
          );
          return result;
        }
        const subject = result.message.split('\n')[0];
        services.log.info(`Committed ${result.files.join(', ')} (${result.commit}): ${subject}`);
        const staged = result.stagedLeftAlone.length
          ? ` Your staged version of ${result.stagedLeftAlone.join(', ')} is still staged.`
          : '';
        void vscode.window.showInformationMessage(
          `Committed ${name} on ${result.branch ?? 'a detached HEAD'}: ${subject}.${staged}`,
        );
        return result;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Commit plan: ${message}`);
        void vscode.window.showErrorMessage(`Could not commit ${name}: ${message}`);
        return undefined;
      }
    },
  );
}
