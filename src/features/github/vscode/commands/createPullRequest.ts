import * as vscode from 'vscode';
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';
import type { CreatedPullRequest } from '../../client';
import { createTaskPullRequest } from '../../createTaskPullRequest';
import { Commands } from '../../../common/vscode/constants';
import { gitHubConfigurationFor } from '../folderPullRequests';
import { loadGitHubModule } from '../githubModule';
import type { PullRequestStatus } from '../pullRequestStatus';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { resolveTask } from '../../../tasks/vscode/resolveTask';
import { errorLine } from '../../../../kernel/errors/errorLine';

const PUSH_AND_OPEN = 'Push and Open PR';
const UNTRUSTED =
  'Creating a pull request pushes the branch with git, which runs only in a trusted workspace.';

function openPr(url: string): void {
  void vscode.window.showInformationMessage(`Pull request: ${url}`, 'Open PR').then((choice) => {
    if (choice) {
      void vscode.env.openExternal(vscode.Uri.parse(url));
    }
  });
}

/**
 * Opens the pull request of a task with a branch through the shared use case: asks before pushing
 * the branch to `origin`, pushes, creates the PR (title from the task, body from the template
 * setting, draft, and label and reviewers for critical-review tasks), writes `pr_number` back, and
 * offers to open it. Refused in an untrusted workspace: pushing runs git against the repository's
 * remotes and config.
 */
export function registerCreatePullRequest(
  services: CoordinatorServices,
  status: PullRequestStatus,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.createPullRequest,
    async (arg: unknown): Promise<CreatedPullRequest | undefined> => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(UNTRUSTED);
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
      const github = loadGitHubModule();
      const folder = status.forSession(session);
      let result;
      try {
        result = await createTaskPullRequest({
          task,
          ...(known?.state === 'open'
            ? { knownOpen: { number: known.number, ...(known.url ? { url: known.url } : {}) } }
            : {}),
          settings: gitHubConfigurationFor(session.folder),
          trust: { trusted: vscode.workspace.isTrusted, refusal: UNTRUSTED },
          client: {
            push: (branch, signal) =>
              github.pushBranchToOrigin(session.folder.uri.fsPath, branch, signal),
            create: (draft) => folder.createPullRequest(draft),
          },
          store: session,
          ui: {
            async confirm(draft) {
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
              return confirmed === PUSH_AND_OPEN ? 'push' : false;
            },
            progress: (work) =>
              Promise.resolve(
                vscode.window.withProgress(
                  {
                    location: vscode.ProgressLocation.Notification,
                    title: `Pull request for "${task.name}"`,
                  },
                  (progress) => work((message) => progress.report({ message })),
                ),
              ),
          },
        });
      } catch (error) {
        if (CoordinatorError.is(error, 'untrusted') || CoordinatorError.is(error, 'noBranch')) {
          void vscode.window.showWarningMessage(error.message);
          return undefined;
        }
        const message = github.redactSecrets(errorLine(error));
        services.log.error(`Create pull request for ${task.key}: ${message}`);
        void vscode.window.showErrorMessage(
          `Could not open the pull request of "${task.name}": ${message}`,
        );
        return undefined;
      }
      if (result.outcome === 'existing') {
        void vscode.window.showInformationMessage(
          `"${task.name}" already has pull request #${result.number}.`,
        );
        if (result.url) {
          openPr(result.url);
        }
        return undefined;
      }
      if (result.outcome === 'declined') {
        return undefined;
      }
      const { created, draft } = result;
      if (result.recordError) {
        services.log.error(`${task.key}: ${result.recordError}`);
        void vscode.window.showErrorMessage(result.recordError);
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
