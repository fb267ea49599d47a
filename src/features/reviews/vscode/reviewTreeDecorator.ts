import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';
import type { TaskItemDecorator } from '../../tasks/vscode/taskItemDecorator';
import { ageText } from '../model/reviewAge';
import type { ReviewWatch } from './reviewWatch';

/** Flag added to a task row's contextValue while one of its reviews is overdue. */
export const REVIEW_OVERDUE_FLAG = 'reviewOverdue';

/**
 * Marks task rows waiting for a required review: who is awaited and for how long in the
 * tooltip, and `review overdue` in the description once past the SLA.
 */
export class ReviewTreeDecorator implements TaskItemDecorator {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(private readonly watch: ReviewWatch) {
    this.onDidChange = watch.onDidChange;
  }

  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void {
    const awaited = this.watch.reviewsOf(session, task.key);
    if (awaited.length === 0) {
      return;
    }
    const overdue = awaited.some((review) => review.overdue);
    if (overdue) {
      const before = typeof item.description === 'string' ? item.description : '';
      item.description = `${before ? `${before} · ` : ''}⏰ review overdue`;
      if (typeof item.contextValue === 'string' && item.contextValue.startsWith('task;')) {
        item.contextValue = `task;${REVIEW_OVERDUE_FLAG};${item.contextValue.slice('task;'.length)}`;
      }
    }
    const tooltip =
      item.tooltip instanceof vscode.MarkdownString
        ? item.tooltip
        : new vscode.MarkdownString(item.tooltip ?? '');
    tooltip.appendMarkdown('\n\n---\n\n**Reviews awaited**\n');
    for (const review of awaited) {
      const age = review.ageMs !== undefined ? ` for ${ageText(review.ageMs)}` : '';
      tooltip.appendMarkdown('\n- ');
      tooltip.appendText(`${review.reviewer}${age}${review.overdue ? ' (overdue)' : ''}`);
    }
    item.tooltip = tooltip;
  }
}
