import * as vscode from 'vscode';
import type { TaskConflicts } from '../model/taskConflicts';

/**
 * Puts the radar's finding on a tree row: a warning after the description, and the other
 * sides with their files under "Merge conflict forecast" in the tooltip.
 */
export function markConflicts(item: vscode.TreeItem, conflicts: TaskConflicts): void {
  const before = typeof item.description === 'string' ? item.description : '';
  item.description = `${before ? `${before} · ` : ''}⚠ ${conflicts.description}`;
  const tooltip =
    item.tooltip instanceof vscode.MarkdownString
      ? item.tooltip
      : new vscode.MarkdownString(item.tooltip ?? '');
  tooltip.appendMarkdown('\n\n---\n\n**Merge conflict forecast**\n');
  for (const line of conflicts.lines) {
    tooltip.appendMarkdown('\n- ');
    tooltip.appendText(line);
  }
  item.tooltip = tooltip;
}
