import * as vscode from 'vscode';
import { pullRequestDraftForTask } from '../../model/prRequest';
import type { CreatedPullRequest } from '../../client';
import { Commands } from '../../../common/vscode/constants';
import { gitHubConfigurationFor } from '../folderPullRequests';
import { loadGitHubModule } from '../githubModule';
import type { PullRequestStatus } from '../pullRequestStatus';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { resolveTask } from '../../../tasks/vscode/resolveTask';

const PUSH_AND_OPEN = 'Push and Open PR';

function openPr(url: string): void {
  void vscode.window.showInformationMessage(`Pull request: ${url}`, 'Open PR').then((choice) => {
    if (choice) {
      void vscode.env.openExternal(vscode.Uri.parse(url));
    }
  });
}

/**
 * Opens the pull request of a task with a branch: asks before pushing the branch to `origin`,
 * pushes, creates the PR (title from the task, body from the template setting, draft, and label
 * and reviewers for critical-review tasks), writes `pr_number` back, and offers to open it.
 * Refused in an untrusted workspace: pushing runs git against the repository's remotes and config.
 */
export function registerCreatePullRequest(
  services: CoordinatorServices,
  status: PullRequestStatus,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.createPullRequest,
    async (arg: unknown): Promise<CreatedPullRequest | undefined> => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(
          'Creating a pull request pushes the branch with git, which runs only in a trusted workspace.',
        );
        return undefined;
      }
      const target = await resolveTask(
        services.sessions,
        arg,
        'Open a pull request for which task?',
      );
      if (!target) {
        return undefined;
      }
      const { session, task } = target;
      const known = status.taskStatus(session, task.key)?.pr;
      if (task.prNumber !== undefined || known?.state === 'open') {
        const number = task.prNumber ?? known?.number;
        void vscode.window.showInformationMessage(
          `"${task.name}" already has pull request #${number}.`,
        );
        if (known?.url) {
          openPr(known.url);
        }
        return undefined;
      }
      const config = gitHubConfigurationFor(session.folder);
      const draft = pullRequestDraftForTask(task, config);
      if ('error' in draft) {
        void vscode.window.showWarningMessage(draft.error);
        return undefined;
      }
      const extras = [
        draft.draft ? 'as a draft' : '',
        draft.labels.length ? `labels: ${draft.labels.join(', ')}` : '',
        draft.reviewers.length ? `reviewers: ${draft.reviewers.join(', ')}` : '',
      ].filter(Boolean);
      const confirmed = await vscode.window.showWarningMessage(
        `Push "${draft.head}" to origin and open a pull request?`,
        {
          modal: true,
          detail: `Title: ${draft.title}${extras.length ? `\n${extras.join('; ')}` : ''}\n\npr_number is then written to the task file.`,
        },
        PUSH_AND_OPEN,
      );
      if (confirmed !== PUSH_AND_OPEN) {
        return undefined;
      }
      const github = loadGitHubModule();
      const folder = status.forSession(session);
      let created: CreatedPullRequest;
      try {
        created = await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `Pull request for "${task.name}"`,
          },
          async (progress) => {
            progress.report({ message: `pushing ${draft.head}` });
            await github.pushBranchToOrigin(session.folder.uri.fsPath, draft.head);
            progress.report({ message: 'opening the pull request' });
            return folder.createPullRequest(draft);
          },
        );
      } catch (error) {
        const message = github.redactSecrets(
          error instanceof Error ? error.message : String(error),
        );
        services.log.error(`Create pull request for ${task.key}: ${message}`);
        void vscode.window.showErrorMessage(
          `Could not open the pull request of "${task.name}": ${message}`,
        );
        return undefined;
      }
      try {
        await session.apply({ kind: 'setPrNumber', taskKey: task.key, prNumber: created.number });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        services.log.error(`Write pr_number ${created.number} for ${task.key}: ${message}`);
        void vscode.window.showErrorMessage(
          `Pull request #${created.number} was opened, but pr_number could not be written to the task file: ${message}`,
        );
      }
      services.log.info(`Opened pull request #${created.number} for ${task.key} (${draft.head}).`);
      for (const warning of created.warnings) {
        void vscode.window.showWarningMessage(warning);
      }
      void status.refresh(session);
      openPr(created.url);
      return created;
    },
  );
}
