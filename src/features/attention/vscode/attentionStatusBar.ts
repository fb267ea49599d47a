import * as vscode from 'vscode';
import { Commands, StatusBarItems } from '../../common/vscode/constants';
import type { AttentionQueue } from './attentionQueue';

/**
 * `$(bell) 2 need input` while agents wait for a person (warning background), `$(bell) 3` for
 * other waiting items, hidden when nothing waits; a click lists the queue.
 */
export function attentionStatusBar(
  queue: AttentionQueue,
  subscriptions: vscode.Disposable[],
): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(
    StatusBarItems.attention,
    vscode.StatusBarAlignment.Left,
    49,
  );
  item.name = 'Coordinator Attention';
  item.command = Commands.showAttention;
  const update = () => {
    const all = queue.items;
    const waiting = all.filter((entry) => entry.item.kind === 'agentNeedsInput').length;
    if (all.length === 0) {
      item.hide();
      return;
    }
    item.text = waiting > 0 ? `$(bell) ${waiting} need input` : `$(bell) ${all.length}`;
    item.backgroundColor =
      waiting > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendMarkdown(`**Needs attention** (${all.length})\n`);
    for (const entry of all.slice(0, 8)) {
      tooltip.appendMarkdown('\n- ');
      tooltip.appendText(entry.item.title);
    }
    if (all.length > 8) {
      tooltip.appendMarkdown(`\n- …and ${all.length - 8} more`);
    }
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: `${all.length} items need attention, ${waiting} agents need input`,
    };
    item.show();
  };
  subscriptions.push(item, queue.onDidChange(update));
  update();
  return item;
}
