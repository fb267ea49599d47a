import * as vscode from 'vscode';
import { humanizeKey } from '../model/humanKey';
import { taskContextValue } from './contextValue';
import { displayStatusOf, unfinishedDependencies } from '../model/displayStatus';
import { STATUS_APPEARANCE } from './statusAppearance';
import { taskChildren } from '../model/taskChildren';
import { groupDescription, taskDescription, taskTooltip } from '../model/text';
import { Commands } from '../../common/vscode/constants';
import {
  childNodeId,
  folderId,
  taskNodeId,
  type FolderNode,
  type GroupNode,
  type MessageNode,
  type TaskChildNode,
  type TaskNode,
  type TaskTreeNode,
} from './taskTreeNodes';

export function treeItemFor(node: TaskTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'folder':
      return folderItem(node);
    case 'group':
      return groupItem(node);
    case 'task':
      return taskItem(node);
    case 'child':
      return childItem(node);
    case 'message':
      return messageItem(node);
  }
}

function folderItem(node: FolderNode): vscode.TreeItem {
  const item = new vscode.TreeItem(
    node.session.folder.name,
    vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = `folder:${folderId(node.session)}`;
  const tasks = node.session.state?.model?.tasks ?? [];
  item.description = groupDescription(tasks);
  item.iconPath = vscode.ThemeIcon.Folder;
  item.contextValue = 'folder;';
  item.tooltip = node.session.taskFile?.fsPath;
  return item;
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `group:${folderId(node.session)}:${node.groupBy}:${node.row.key}`;
  item.description = node.row.description;
  item.tooltip = node.row.tooltip;
  item.contextValue = 'group;';
  return item;
}

function taskItem(node: TaskNode): vscode.TreeItem {
  const { task, session } = node;
  const graph = session.state?.graph;
  const byKey = session.state?.model?.byKey ?? new Map();
  const status = displayStatusOf(task, graph);
  const appearance = STATUS_APPEARANCE[status];
  const hasChildren = taskChildren(task, graph, byKey).length > 0;
  const item = new vscode.TreeItem(
    task.name,
    hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  item.id = taskNodeId(session, task.key);
  item.description = taskDescription(
    task,
    task.status === 'completed' ? [] : unfinishedDependencies(task, graph, byKey),
  );
  item.iconPath = new vscode.ThemeIcon(appearance.icon, new vscode.ThemeColor(appearance.color));
  item.contextValue = taskContextValue(task, status);
  item.accessibilityInformation = { label: `${task.name}, ${appearance.label}`, role: 'treeitem' };
  const tooltip = new vscode.MarkdownString(taskTooltip(task, { status, graph, byKey }));
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.command = {
    command: Commands.openTask,
    title: 'Open Task',
    arguments: [{ taskKey: task.key, folder: folderId(session) }],
  };
  return item;
}

function childItem(node: TaskChildNode): vscode.TreeItem {
  const row = node.row;
  const item = new vscode.TreeItem(
    row.kind === 'blocker'
      ? humanizeKey(row.text)
      : row.kind === 'dependency'
        ? row.task.name
        : row.name,
  );
  item.id = childNodeId(node.parent, row);
  switch (row.kind) {
    case 'dependency': {
      const appearance = STATUS_APPEARANCE[row.status];
      item.description = `depends on ${row.task.id} · ${appearance.label.toLowerCase()}`;
      item.iconPath = new vscode.ThemeIcon(
        appearance.icon,
        new vscode.ThemeColor(appearance.color),
      );
      item.contextValue = 'dependency;';
      item.tooltip = `${node.parent.task.name} depends on ${row.task.name} (${row.task.key}), which is ${appearance.label.toLowerCase()}.`;
      item.command = {
        command: Commands.revealTask,
        title: 'Show Task',
        arguments: [{ taskKey: row.task.key, folder: folderId(node.session) }],
      };
      break;
    }
    case 'prerequisite':
      item.description = 'external prerequisite';
      item.iconPath = new vscode.ThemeIcon('link-external', new vscode.ThemeColor('charts.purple'));
      item.contextValue = 'prerequisite;';
      item.tooltip = `${row.name} is not a task in this file: check it by hand before starting.`;
      break;
    case 'blocker':
      item.description = 'blocker';
      item.iconPath = new vscode.ThemeIcon(
        'warning',
        new vscode.ThemeColor('list.warningForeground'),
      );
      item.contextValue = 'blocker;';
      item.tooltip = `Blocker, as written in the task file: ${row.text}`;
      break;
  }
  return item;
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const file = node.session.taskFile
    ? vscode.workspace.asRelativePath(node.session.taskFile)
    : 'The task file';
  const item = new vscode.TreeItem('');
  item.id = `message:${folderId(node.session)}:${node.reason}`;
  item.contextValue = `message;${node.reason};`;
  if (node.reason === 'filteredOut') {
    item.label = 'No task matches the filters';
    item.description = 'clear filters';
    item.iconPath = new vscode.ThemeIcon('filter');
    item.command = { command: Commands.clearTaskFilters, title: 'Clear Filters' };
    return item;
  }
  const errors = node.session.state?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  item.label = `${file} has ${errors === 1 ? 'an error' : `${errors} errors`}`;
  item.description =
    node.reason === 'broken' ? 'showing the last good state' : 'nothing to show yet';
  item.tooltip = 'Open the Problems panel to see where.';
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  item.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
  return item;
}
