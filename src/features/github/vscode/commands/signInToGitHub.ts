import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { PullRequestStatus } from '../pullRequestStatus';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { errorLine } from '../../../../kernel/errors/errorLine';

/** The one place the GitHub sign-in flow is shown: VS Code's own, for github.com or GitHub Enterprise. */
export function registerSignInToGitHub(
  services: CoordinatorServices,
  status: PullRequestStatus,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.signInToGitHub, async () => {
    const session = services.sessions.sessionFor();
    try {
      const apiBaseUrl = session
        ? await status.forSession(session).apiBaseUrl()
        : 'https://api.github.com';
      if (await status.tokens.signIn(apiBaseUrl)) {
        await status.refresh();
      }
    } catch (error) {
      // Cancelling the sign-in lands here too; say it plainly, never with a stack.
      services.log.warn(`GitHub sign-in: ${errorLine(error)}`);
      void vscode.window.showWarningMessage(`Not signed in to GitHub: ${errorLine(error)}`);
    }
  });
}
