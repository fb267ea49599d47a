import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { AttentionQueue, QueuedAttention } from './attentionQueue';
import { attentionIcon } from './attentionLook';

/** The "Needs Attention" view: the queue, most pressing first; a click goes where the item says. */
export class AttentionTreeProvider
  extends Disposable
  implements vscode.TreeDataProvider<QueuedAttention>
{
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly queue: AttentionQueue) {
    super();
    this.register(queue.onDidChange(() => this.changed.fire()));
  }

  getChildren(element?: QueuedAttention): QueuedAttention[] {
    return element ? [] : [...this.queue.items];
  }

  getTreeItem({ session, item }: QueuedAttention): vscode.TreeItem {
    const row = new vscode.TreeItem(item.title, vscode.TreeItemCollapsibleState.None);
    row.id = `attention:${session.folder.uri.toString()}:${item.id}`;
    row.description = item.detail;
    row.iconPath = attentionIcon(item.kind);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(item.title);
    if (item.detail) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(item.detail);
    }
    if (item.since) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(`Since ${item.since}`);
    }
    row.tooltip = tooltip;
    row.contextValue = `attention;${item.kind};${item.target.kind}`;
    row.command = {
      command: Commands.openAttentionItem,
      title: 'Open',
      arguments: [{ folder: session.folder.uri.toString(), id: item.id }],
    };
    return row;
  }
}
