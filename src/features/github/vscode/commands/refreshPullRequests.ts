import * as vscode from 'vscode';
import { Commands, Views } from '../../../common/vscode/constants';
import type { PullRequestStatus } from '../pullRequestStatus';
import type { CoordinatorServices } from '../../../common/vscode/services';

/** Asks GitHub now for every folder; a failure is told once, with a way to fix it when there is one. */
export function registerRefreshPullRequests(
  services: CoordinatorServices,
  status: PullRequestStatus,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.refreshPullRequests, async () => {
    await vscode.window.withProgress(
      { location: { viewId: Views.tasks }, title: 'Refreshing pull requests' },
      () => status.refresh(),
    );
    const problems = services.sessions.all
      .map((session) => status.statusFor(session)?.error)
      .filter((error) => error !== undefined);
    const first = problems[0];
    if (!first) {
      return;
    }
    if (first.kind === 'noToken') {
      const choice = await vscode.window.showInformationMessage(
        'Sign in to GitHub to see pull requests and CI for tasks.',
        'Sign in to GitHub',
      );
      if (choice) {
        await vscode.commands.executeCommand(Commands.signInToGitHub);
      }
      return;
    }
    void vscode.window.showWarningMessage(`Pull requests not refreshed: ${first.message}`);
  });
}
