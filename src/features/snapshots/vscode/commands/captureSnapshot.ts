import * as vscode from 'vscode';
import type { CapturedSnapshot } from '../..';
import { Commands } from '../../../common/vscode/constants';
import type { CoordinatorServices } from '../../../common/vscode/services';
import type { SnapshotCapture } from '../captureForSession';
import { sessionForFolder } from '../../../tasks/vscode/resolveTask';
import { errorLine } from '../../../../kernel/errors/errorLine';

/**
 * Writes a coordination snapshot (JSON and Markdown, dated, plus `latest`) for a folder and offers
 * to open the Markdown. Returns what was written, for callers and tests; undefined when nothing was.
 */
export function registerCaptureSnapshot(
  services: CoordinatorServices,
  capture: SnapshotCapture,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    Commands.captureSnapshot,
    async (arg?: unknown): Promise<CapturedSnapshot | undefined> => {
      const folder =
        typeof arg === 'object' && arg !== null ? (arg as { folder?: unknown }).folder : undefined;
      const session =
        typeof folder === 'string'
          ? sessionForFolder(services.sessions, folder)
          : await services.sessions.pickSession('Capture a snapshot of which folder?');
      if (!session) {
        void vscode.window.showWarningMessage(
          'There is no task file in this workspace to take a snapshot of.',
        );
        return undefined;
      }
      let captured: CapturedSnapshot;
      try {
        captured = await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `Capturing a snapshot of ${session.folder.name}`,
          },
          () => capture(session),
        );
      } catch (error) {
        const message = errorLine(error);
        services.log.error(`Snapshot of ${session.folder.name}: ${message}`);
        void vscode.window.showErrorMessage(`No snapshot written: ${message}`);
        return undefined;
      }
      const { document, files } = captured;
      const github = document.github.available
        ? `${document.github.openPullRequests} open PRs, ${document.ciFailures.length} CI failures${document.github.stale ? ' (last known GitHub state)' : ''}`
        : `GitHub data unavailable: ${(document.github.reason ?? 'unknown reason').replace(/\.$/, '')}`;
      services.log.info(`Snapshot ${document.snapshotId} written to ${files.markdown}; ${github}`);
      void vscode.window
        .showInformationMessage(
          `Snapshot written to ${vscode.workspace.asRelativePath(files.markdown)}: ${document.summary.completionPercentage}% complete; ${github}.`,
          'Open Markdown',
        )
        .then(async (choice) => {
          if (choice) {
            await vscode.window.showTextDocument(vscode.Uri.file(files.markdown));
          }
        });
      return captured;
    },
  );
}
