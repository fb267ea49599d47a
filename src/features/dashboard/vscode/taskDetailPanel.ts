import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import { deriveTaskDetail } from '../model/taskDetail';
import { parseWebviewMessage, type HostMessage } from '../../../protocol/messages';
import type { TaskDetailModel } from '../../../protocol/taskDetail';
import { Webviews } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import type { DashboardDataSources } from './dataSources';
import { runDashboardAction } from './dispatch';
import { createNonce, dashboardHtml } from './html';

/**
 * The task a click in the tree opens: one panel, reused like a preview editor, showing the chosen
 * task's detail with its actions, sent again whenever the task file or the PR and worktree data change.
 */
export class TaskDetailPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: { session: FolderSession; taskKey: string } | undefined;
  private sessionListener: vscode.Disposable | undefined;
  private pageReady = false;
  private pushes = 0;
  private shown: TaskDetailModel | undefined;

  constructor(
    private readonly services: CoordinatorServices,
    private readonly sources: DashboardDataSources,
  ) {
    super();
    this.register(
      sources.onDidChange((folder) => {
        if (!folder || folder.uri.toString() === this.target?.session.folder.uri.toString()) {
          void this.push();
        }
      }),
    );
  }

  /** The detail the page shows (the last one it was sent). */
  get current(): TaskDetailModel | undefined {
    return this.shown;
  }

  show(session: FolderSession, taskKey: string): void {
    if (this.target?.session !== session) {
      this.unwatch();
      this.sessionListener = session.onDidChange(() => void this.push());
    }
    this.target = { session, taskKey };
    const panel = this.panel ?? this.createPanel();
    panel.reveal(undefined, false);
    void this.push();
  }

  private createPanel(): vscode.WebviewPanel {
    const assets = vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      Webviews.task,
      'Task',
      vscode.ViewColumn.Active,
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [assets] },
    );
    panel.iconPath = vscode.Uri.joinPath(
      this.services.context.extensionUri,
      'media',
      'coordinator.svg',
    );
    panel.webview.html = dashboardHtml(panel.webview, assets, createNonce(), 'task');
    const receiving = panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data));
    panel.onDidDispose(() => {
      receiving.dispose();
      this.panel = undefined;
      this.pageReady = false;
      this.shown = undefined;
      this.target = undefined;
      this.unwatch();
    });
    this.panel = panel;
    this.pageReady = false;
    return panel;
  }

  private receive(data: unknown): void {
    const message = parseWebviewMessage(data);
    const target = this.target;
    if (!message || !target) {
      this.services.log.debug('Dropped an unknown message from the task panel.');
      return;
    }
    if (message.type === 'ready') {
      this.pageReady = true;
      this.shown = undefined;
      void this.push();
      return;
    }
    if (message.type === 'openTask') {
      this.show(target.session, message.taskKey);
      return;
    }
    void runDashboardAction(message, target.session.folder.uri.toString(), this.services.log);
  }

  private async push(): Promise<void> {
    const target = this.target;
    const panel = this.panel;
    if (!target || !panel || !this.pageReady) {
      return;
    }
    const push = ++this.pushes;
    const extras = await this.sources.collect(target.session.folder);
    if (push !== this.pushes || this.panel !== panel) {
      return;
    }
    const detail = deriveTaskDetail(
      {
        ...extras,
        folderName: target.session.folder.name,
        folderUri: target.session.folder.uri.toString(),
        loaded: target.session.state,
      },
      target.taskKey,
    );
    panel.title = detail.task ? `Task: ${detail.task.name}` : `Task: ${target.taskKey}`;
    // The data sources change for every folder's PR or worktree refresh; an unchanged task is
    // not sent again, so the page keeps its scroll position and focus.
    if (isDeepStrictEqual(this.shown, detail)) {
      return;
    }
    this.shown = detail;
    const message: HostMessage = { type: 'taskDetail', detail };
    const delivered = await panel.webview.postMessage(message);
    if (!delivered && push === this.pushes) {
      // The page is gone (hidden and discarded); it says `ready` again when it comes back.
      this.shown = undefined;
    }
  }

  private unwatch(): void {
    this.sessionListener?.dispose();
    this.sessionListener = undefined;
  }

  override dispose(): void {
    super.dispose();
    this.unwatch();
    this.panel?.dispose();
  }
}
