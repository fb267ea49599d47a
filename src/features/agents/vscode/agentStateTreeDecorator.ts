import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';
import type { TaskItemDecorator } from '../../tasks/vscode/taskItemDecorator';
import { AGENT_STATE_LOOK, describeAgentStatus } from '../model/taskAgentState';
import type { AgentStates } from './agentStates';

/**
 * Shows each task's agent on its row: where it reported, its state as the icon and in the
 * description (with its question or exit code); the tooltip also says when nothing is detectable.
 */
export class AgentStateTreeDecorator implements TaskItemDecorator {
  readonly onDidChange: vscode.Event<unknown>;

  constructor(private readonly states: AgentStates) {
    this.onDidChange = states.onDidChange;
  }

  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void {
    const status = this.states.statusOf(session, task);
    if (status.state === 'not_started') {
      return;
    }
    const text = describeAgentStatus(status);
    // Without a report there is nothing to add to the row's few words; the tooltip says why.
    if (status.record) {
      const before = typeof item.description === 'string' ? item.description : '';
      item.description = `${before ? `${before} · ` : ''}${text}`;
      const look = AGENT_STATE_LOOK[status.state];
      item.iconPath = new vscode.ThemeIcon(
        look.icon,
        look.color ? new vscode.ThemeColor(look.color) : undefined,
      );
    }
    const tooltip =
      item.tooltip instanceof vscode.MarkdownString
        ? item.tooltip
        : new vscode.MarkdownString(item.tooltip ?? '');
    tooltip.appendMarkdown('\n\n---\n\n**Agent** ');
    const record = status.record;
    tooltip.appendText(
      record
        ? `${record.agent}: ${text} (since ${record.at})`
        : `${text}: no report from its agent`,
    );
    if (record?.message && status.state !== 'needs_input') {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(record.message);
    }
    item.tooltip = tooltip;
  }
}
