import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';
import type { TaskItemDecorator } from '../../tasks/vscode/taskItemDecorator';
import { driftLine } from '../model/branchDrift';
import type { PlanOnBranches } from './planOnBranches';

/** Marks task rows that are further along on a branch than in the plan: the description and a tooltip section. */
export class BranchPlanDecorator implements TaskItemDecorator {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(private readonly branches: PlanOnBranches) {
    this.onDidChange = branches.onDidChange;
  }

  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void {
    const onBranches = this.branches.onBranches(session, task.key);
    if (!onBranches || onBranches.length === 0) {
      return;
    }
    const before = typeof item.description === 'string' ? item.description : '';
    item.description = `${before ? `${before} · ` : ''}⎇ ${driftLine(onBranches)}`;
    const tooltip =
      item.tooltip instanceof vscode.MarkdownString
        ? item.tooltip
        : new vscode.MarkdownString(item.tooltip ?? '');
    tooltip.appendMarkdown('\n\n---\n\n**On other branches**\n');
    for (const onBranch of onBranches) {
      tooltip.appendMarkdown('\n- ');
      tooltip.appendText(onBranch.summary);
    }
    if (onBranches.some((onBranch) => !onBranch.remote)) {
      tooltip.appendMarkdown(
        "\n\n**Coordinator: Move a Branch's Plan Edits to the Plan…** moves them onto the plan before the branch merges.",
      );
    }
    item.tooltip = tooltip;
  }
}
