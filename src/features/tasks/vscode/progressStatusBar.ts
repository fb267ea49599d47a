import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import { isBlocked } from '../model/displayStatus';
import { StatusBarItems, Views } from '../../common/vscode/constants';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';

const LISTED = 8;

/** `$(checklist) 7/18`: completed over total for the active folder's plan; a click focuses the Tasks view. */
export function registerProgressStatusBar(services: CoordinatorServices): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(
    StatusBarItems.progress,
    vscode.StatusBarAlignment.Left,
    50,
  );
  item.name = 'Coordinator Progress';
  item.command = `${Views.tasks}.focus`;
  const update = (): void => {
    const session = services.sessions.sessionFor(vscode.window.activeTextEditor?.document.uri);
    const model = session?.state?.model;
    if (!session || !model) {
      item.hide();
      return;
    }
    renderProgress(item, session);
    item.show();
  };
  services.context.subscriptions.push(
    item,
    services.sessions.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
  update();
  return item;
}

function renderProgress(item: vscode.StatusBarItem, session: FolderSession): void {
  const state = session.state;
  const model = state?.model;
  if (!state || !model) {
    return;
  }
  const done = model.tasks.filter((task) => task.status === 'completed').length;
  const inProgress = model.tasks.filter((task) => task.status === 'in_progress');
  const blocked = model.tasks.filter((task) => isBlocked(task, state.graph, model.byKey));
  item.text = `$(checklist) ${done}/${model.tasks.length}`;
  item.backgroundColor = state.broken
    ? new vscode.ThemeColor('statusBarItem.errorBackground')
    : undefined;
  item.accessibilityInformation = {
    label: `Plan progress: ${done} of ${model.tasks.length} tasks completed, ${inProgress.length} in progress, ${blocked.length} waiting or blocked`,
  };

  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**Plan progress** ${done}/${model.tasks.length} completed`);
  if (state.broken) {
    tooltip.appendMarkdown('\n\n$(error) The task file has errors; showing the last good state.');
  }
  appendList(tooltip, '$(sync) In progress', inProgress);
  appendList(tooltip, '$(error) Waiting or blocked', blocked);
  tooltip.appendMarkdown('\n\nClick to show the Tasks view.');
  item.tooltip = tooltip;
}

function appendList(tooltip: vscode.MarkdownString, title: string, tasks: Task[]): void {
  if (tasks.length === 0) {
    return;
  }
  tooltip.appendMarkdown(`\n\n${title} (${tasks.length})\n`);
  for (const task of tasks.slice(0, LISTED)) {
    tooltip.appendMarkdown('\n- ');
    tooltip.appendText(`${task.name} — ${task.owner || 'unassigned'}`);
  }
  if (tasks.length > LISTED) {
    tooltip.appendMarkdown(`\n- …and ${tasks.length - LISTED} more`);
  }
}
