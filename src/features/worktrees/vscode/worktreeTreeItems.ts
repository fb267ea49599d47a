import * as vscode from 'vscode';
import type { WorktreeNode } from './worktreeTreeNodes';
import {
  worktreeContextValue,
  worktreeDescription,
  worktreeLabel,
  worktreeState,
  worktreeTooltipLines,
  type WorktreeState,
} from './worktreeRows';

const ICONS: Record<WorktreeState, { icon: string; color?: string }> = {
  main: { icon: 'home' },
  task: { icon: 'git-branch', color: 'charts.blue' },
  plain: { icon: 'folder' },
  dirty: { icon: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  locked: { icon: 'lock', color: 'charts.yellow' },
  prunable: { icon: 'trash', color: 'disabledForeground' },
};

export function worktreeTreeItem(node: WorktreeNode, nowSeconds: number): vscode.TreeItem {
  const { info, repo } = node;
  const item = new vscode.TreeItem(worktreeLabel(info), vscode.TreeItemCollapsibleState.None);
  item.id = `worktree:${info.path}`;
  const state = worktreeState(info);
  const look = ICONS[state];
  item.iconPath = new vscode.ThemeIcon(
    look.icon,
    look.color ? new vscode.ThemeColor(look.color) : undefined,
  );
  const task = info.taskKey ? repo.model?.byKey.get(info.taskKey) : undefined;
  const description = worktreeDescription(info, nowSeconds, repo.loadingStatus);
  item.description = task ? `${task.id} · ${description}` : description;
  const tooltip = new vscode.MarkdownString();
  for (const line of worktreeTooltipLines(info, task?.name, repo.base, nowSeconds)) {
    tooltip.appendText(line);
    tooltip.appendMarkdown('  \n');
  }
  item.tooltip = tooltip;
  item.contextValue = worktreeContextValue(info);
  return item;
}
