import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { DashboardPanels } from '../dashboardPanels';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { sessionForFolder } from '../../../tasks/vscode/resolveTask';

/**
 * Opens the dashboard of a workspace folder: the one named by a `{ folder }` / Uri argument,
 * else the only one, else the user's pick.
 */
export function registerOpenDashboard(
  services: CoordinatorServices,
  panels: DashboardPanels,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openDashboard, async (arg?: unknown) => {
    const session =
      folderOf(arg) !== undefined
        ? sessionForFolder(services.sessions, folderOf(arg))
        : services.sessions.all.length <= 1
          ? services.sessions.sessionFor()
          : await services.sessions.pickSession('Open the dashboard of which folder?');
    if (!session) {
      void vscode.window.showWarningMessage(
        'There is no workspace folder with a task file to show a dashboard for.',
      );
      return undefined;
    }
    panels.open(session);
    return undefined;
  });
}

function folderOf(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) {
    return vscode.workspace.getWorkspaceFolder(arg)?.uri.toString();
  }
  if (typeof arg === 'object' && arg !== null) {
    const folder =
      (arg as { folder?: unknown; folderUri?: unknown }).folder ??
      (arg as { folderUri?: unknown }).folderUri;
    return typeof folder === 'string' ? folder : undefined;
  }
  return undefined;
}
