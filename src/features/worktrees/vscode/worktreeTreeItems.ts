import * as vscode from 'vscode';
import type { WorktreeNode } from './worktreeTreeNodes';
import { portRangeText } from '../model/portBlocks';
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
  const ports = repo.portBlockOf(info);
  item.description = [task?.id, description, ports && `:${ports.start}`]
    .filter((part) => part)
    .join(' · ');
  const tooltip = new vscode.MarkdownString();
  const portLines = ports
    ? [`Ports: ${portRangeText(ports)} (COORD_PORT=${ports.start}; coord env ${ports.taskKey})`]
    : [];
  for (const line of [
    ...worktreeTooltipLines(info, task?.name, repo.base, nowSeconds),
    ...portLines,
  ]) {
    tooltip.appendText(line);
    tooltip.appendMarkdown('  \n');
  }
  item.tooltip = tooltip;
  item.contextValue = worktreeContextValue(info);
  return item;
}
