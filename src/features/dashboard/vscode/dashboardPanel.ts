import * as vscode from 'vscode';
import { deriveDashboard } from '../model/viewModel';
import { diffDashboard, isEmptyDelta } from '../model/delta';
import type { DashboardViewModel } from '../../../protocol/dashboardModel';
import { parseWebviewMessage, type HostMessage } from '../../../protocol/messages';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { coordinatorSettings } from '../../common/vscode/settings';
import type { DashboardDataSources } from './dataSources';
import { runDashboardAction } from './dispatch';
import { createNonce, dashboardHtml } from './html';

/** One folder's dashboard: sends the full state after the page's `ready`, then only deltas. */
export class DashboardPanel extends Disposable {
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;
  /** What the page holds now; undefined until it said `ready` (again, after a reload). */
  private shown: DashboardViewModel | undefined;
  private pageReady = false;
  private pushes = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly session: FolderSession,
    private readonly services: CoordinatorServices,
    private readonly sources: DashboardDataSources,
  ) {
    super();
    const assets = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [assets],
    };
    panel.webview.html = dashboardHtml(panel.webview, assets, createNonce());
    panel.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'coordinator.svg');
    panel.title = `Dashboard: ${session.folder.name}`;
    this.register(panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data)));
    this.register(session.onDidChange(() => void this.push()));
    this.register(
      sources.onDidChange((folder) => {
        if (!folder || folder.uri.toString() === session.folder.uri.toString()) {
          void this.push();
        }
      }),
    );
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  /** The view model last sent to the page (for tests and for the bench's figures). */
  get current(): DashboardViewModel | undefined {
    return this.shown;
  }

  reveal(): void {
    this.panel.reveal();
  }

  private receive(data: unknown): void {
    const message = parseWebviewMessage(data);
    if (!message) {
      this.services.log.debug('Dropped an unknown message from the dashboard page.');
      return;
    }
    if (message.type === 'ready') {
      this.pageReady = true;
      this.shown = undefined;
      void this.push();
      return;
    }
    void runDashboardAction(message, this.session.folder.uri.toString(), this.services.log);
  }

  /** Derives the view model and sends the page what changed. Later calls win over slower earlier ones. */
  private async push(): Promise<void> {
    if (!this.pageReady || this.isDisposed) {
      return;
    }
    const push = ++this.pushes;
    const extras = await this.sources.collect(this.session.folder);
    if (push !== this.pushes || this.isDisposed) {
      return;
    }
    const taskFile = this.session.taskFile;
    const next = deriveDashboard({
      ...extras,
      folderName: this.session.folder.name,
      folderUri: this.session.folder.uri.toString(),
      taskFile: taskFile ? vscode.workspace.asRelativePath(taskFile, false) : undefined,
      loaded: this.session.state,
      reviewSlaHours: coordinatorSettings(this.session.folder.uri).number(
        'reviews.slaHours',
        (hours) => hours >= 0,
      ),
    });
    const previous = this.shown;
    let message: HostMessage;
    if (previous) {
      const delta = diffDashboard(previous, next);
      if (isEmptyDelta(delta)) {
        return;
      }
      message = { type: 'delta', delta };
    } else {
      message = { type: 'state', model: next };
    }
    this.shown = next;
    const delivered = await this.panel.webview.postMessage(message);
    if (!delivered && push === this.pushes) {
      // The page is gone (hidden and discarded); it says `ready` again when it comes back.
      this.shown = undefined;
    }
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    super.dispose();
    this.panel.dispose();
    this.closed.fire();
    this.closed.dispose();
  }
}
