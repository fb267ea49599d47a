import * as vscode from 'vscode';
import { Commands, Views } from '../../common/vscode/constants';
import type { CoordinatorServices } from '../../common/vscode/services';
import { AttentionQueue } from './attentionQueue';
import { attentionCodicon } from './attentionLook';
import { registerAttentionNotifier } from './attentionNotifier';
import { attentionStatusBar } from './attentionStatusBar';
import { AttentionTreeProvider } from './attentionTreeProvider';
import { openAttentionItem, type TaskTerminalFinder } from './openAttentionItem';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';

export interface AttentionFeature {
  readonly queue: AttentionQueue;
  readonly view: vscode.TreeView<unknown>;
  readonly statusBar: vscode.StatusBarItem;
}

/** The attention queue: its view, status-bar item, quick pick and notifications. */
export function registerAttention(
  services: CoordinatorServices,
  taskTerminal: TaskTerminalFinder,
  dashboard: DashboardFeature,
): AttentionFeature {
  const subscriptions = services.context.subscriptions;
  const queue = new AttentionQueue(services.sessions);
  const provider = new AttentionTreeProvider(queue);
  const view = vscode.window.createTreeView(Views.attention, { treeDataProvider: provider });
  const updateBadge = () => {
    const count = queue.items.length;
    view.badge =
      count > 0
        ? {
            value: count,
            tooltip: `${count} ${count === 1 ? 'item needs' : 'items need'} attention`,
          }
        : undefined;
    view.message = count === 0 ? 'Nothing waits for you.' : undefined;
  };
  subscriptions.push(queue, provider, view, queue.onDidChange(updateBadge));
  updateBadge();
  const statusBar = attentionStatusBar(queue, subscriptions);
  // The dashboard's top section: the same queue, for the dashboard's folder.
  subscriptions.push(
    dashboard.dataSources.register({
      onDidChange: queue.onDidChange as vscode.Event<undefined>,
      provide: (folder) => ({
        attention: queue.items
          .filter((entry) => entry.session.folder.uri.toString() === folder.uri.toString())
          .map(({ item }) => ({
            id: item.id,
            kind: item.kind,
            title: item.title,
            ...(item.detail !== undefined ? { detail: item.detail } : {}),
            ...(item.taskKey !== undefined ? { taskKey: item.taskKey } : {}),
            ...(item.since !== undefined ? { since: item.since } : {}),
          })),
      }),
    }),
  );
  registerAttentionNotifier(queue, services.context.workspaceState, taskTerminal, subscriptions);
  subscriptions.push(
    vscode.commands.registerCommand(Commands.showAttention, async () => {
      const picked = await vscode.window.showQuickPick(
        queue.items.map((entry) => ({
          label: `${attentionCodicon(entry.item.kind)} ${entry.item.title}`,
          description: entry.item.detail,
          detail: services.sessions.all.length > 1 ? entry.session.folder.name : undefined,
          entry,
        })),
        { placeHolder: queue.items.length > 0 ? 'What needs attention' : 'Nothing waits for you' },
      );
      if (picked) {
        await openAttentionItem(picked.entry.session, picked.entry.item, taskTerminal);
      }
    }),
    vscode.commands.registerCommand(Commands.openAttentionItem, async (arg: unknown) => {
      const wanted = arg as { folder?: string; id?: string } | undefined;
      const entry = queue.items.find(
        (queued) =>
          queued.item.id === wanted?.id && queued.session.folder.uri.toString() === wanted?.folder,
      );
      if (entry) {
        await openAttentionItem(entry.session, entry.item, taskTerminal);
      }
    }),
  );
  return { queue, view, statusBar };
}
