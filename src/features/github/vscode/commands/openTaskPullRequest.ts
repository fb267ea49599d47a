import * as vscode from 'vscode';
import { pullRequestUrl } from '../../../tasks/model/pullRequestUrl';
import { runGit } from '../../../../platform/git';
import { Commands } from '../../../common/vscode/constants';
import { resolveTask } from '../../../tasks/vscode/resolveTask';
import type { CommandContext } from '../../../tasks/vscode/commands/commandContext';

/** Opens the task's pull request on the host of the `origin` remote. */
export function registerOpenTaskPullRequest({
  services,
  tasks,
}: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openTaskPullRequest, async (arg: unknown) => {
    const target = await resolveTask(
      services.sessions,
      arg,
      'Open the pull request of which task?',
    );
    if (!target) {
      return;
    }
    const { session, task } = target;
    const found =
      task.prNumber === undefined ? tasks.provider.pullRequestUrl(session, task) : undefined;
    if (found) {
      await vscode.env.openExternal(vscode.Uri.parse(found));
      return;
    }
    if (task.prNumber === undefined) {
      void vscode.window.showWarningMessage(`"${task.name}" has no pr_number in the task file.`);
      return;
    }
    let remote: string;
    try {
      remote = (
        await runGit(['remote', 'get-url', 'origin'], {
          cwd: session.folder.uri.fsPath,
          readOnly: true,
        })
      ).stdout.trim();
    } catch (error) {
      services.log.warn(`No origin remote in ${session.folder.uri.fsPath}: ${String(error)}`);
      void vscode.window.showWarningMessage(
        `Cannot open PR #${task.prNumber}: this repository has no "origin" remote.`,
      );
      return;
    }
    const url = pullRequestUrl(remote, task.prNumber);
    if (!url) {
      void vscode.window.showWarningMessage(
        `Cannot open PR #${task.prNumber}: the "origin" remote (${remote}) is not a GitHub-style address.`,
      );
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url));
  });
}
