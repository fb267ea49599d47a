import * as vscode from 'vscode';
import { Webviews } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { DashboardPanel } from './dashboardPanel';
import type { DashboardDataSources } from './dataSources';

/** How long a restored panel waits for its folder's session to appear after a reload. */
const RESTORE_WAIT_MS = 15_000;

/** One dashboard per workspace folder, and their restoration after a reload. */
export class DashboardPanels extends Disposable {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(
    private readonly services: CoordinatorServices,
    private readonly sources: DashboardDataSources,
  ) {
    super();
    this.register(
      vscode.window.registerWebviewPanelSerializer(Webviews.dashboard, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
      }),
    );
  }

  get all(): readonly DashboardPanel[] {
    return [...this.panels.values()];
  }

  panelFor(session: FolderSession): DashboardPanel | undefined {
    return this.panels.get(session.folder.uri.toString());
  }

  /** Shows the folder's dashboard, creating it when there is none. */
  open(session: FolderSession): DashboardPanel {
    const existing = this.panelFor(session);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      Webviews.dashboard,
      `Dashboard: ${session.folder.name}`,
      vscode.ViewColumn.Active,
      {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview'),
        ],
      },
    );
    return this.adopt(panel, session);
  }

  private adopt(panel: vscode.WebviewPanel, session: FolderSession): DashboardPanel {
    const dashboard = new DashboardPanel(panel, session, this.services, this.sources);
    const key = session.folder.uri.toString();
    this.panels.set(key, dashboard);
    dashboard.onDidDispose(() => {
      if (this.panels.get(key) === dashboard) {
        this.panels.delete(key);
      }
    });
    return this.register(dashboard);
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const folderUri =
      typeof state === 'object' && state !== null
        ? (state as { folderUri?: unknown }).folderUri
        : undefined;
    const session = await this.waitForSession(
      typeof folderUri === 'string' ? folderUri : undefined,
    );
    if (!session || this.panelFor(session)) {
      panel.dispose();
      return;
    }
    this.adopt(panel, session);
  }

  private async waitForSession(folderUri: string | undefined): Promise<FolderSession | undefined> {
    const find = () =>
      folderUri === undefined
        ? this.services.sessions.sessionFor()
        : this.services.sessions.all.find((session) => session.folder.uri.toString() === folderUri);
    const found = find();
    if (found) {
      return found;
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(undefined), RESTORE_WAIT_MS);
      const listener = this.services.sessions.onDidChange(() => {
        const session = find();
        if (session) {
          finish(session);
        }
      });
      const finish = (session: FolderSession | undefined) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(session);
      };
    });
  }
}
