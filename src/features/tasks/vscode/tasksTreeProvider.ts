import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import { buildTaskGroups } from '../model/buildTree';
import { hasActiveFilter } from '../model/filters';
import { taskChildren } from '../model/taskChildren';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import type { TaskItemDecorator } from './taskItemDecorator';
import type { TaskViewOptions } from './taskViewOptions';
import { treeItemFor } from './taskTreeItems';
import type { FolderNode, GroupNode, MessageNode, TaskNode, TaskTreeNode } from './taskTreeNodes';

/**
 * The Tasks view's data. Every refresh fires for the root; stable ids let VS Code keep what the
 * user expanded and selected.
 */
export class TasksTreeProvider extends Disposable implements vscode.TreeDataProvider<TaskTreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TaskTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly decorators = new Set<TaskItemDecorator>();

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly options: TaskViewOptions,
  ) {
    super();
    this.register(sessions.onDidChange(() => this.refresh()));
    this.register(options.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Lets another feature add to task rows (GitHub: PR number, CI badge, tooltip); the tree refreshes when it changes. */
  addDecorator(decorator: TaskItemDecorator): vscode.Disposable {
    this.decorators.add(decorator);
    const listener = decorator.onDidChange(() => this.refresh());
    this.refresh();
    return new vscode.Disposable(() => {
      listener.dispose();
      this.decorators.delete(decorator);
    });
  }

  /** A pull request a decorator knows for the task (found by its branch), for "Open Pull Request". */
  pullRequestUrl(session: FolderSession, task: Task): string | undefined {
    for (const decorator of this.decorators) {
      const url = decorator.pullRequestUrl?.(session, task);
      if (url) {
        return url;
      }
    }
    return undefined;
  }

  getTreeItem(node: TaskTreeNode): vscode.TreeItem {
    const item = treeItemFor(node);
    if (node.kind === 'task') {
      for (const decorator of this.decorators) {
        decorator.decorate(item, node.session, node.task);
      }
    }
    return item;
  }

  getParent(node: TaskTreeNode): TaskTreeNode | undefined {
    return node.parent;
  }

  getChildren(node?: TaskTreeNode): TaskTreeNode[] {
    if (!node) {
      const sessions = this.sessions.all.filter((session) => session.taskFile !== undefined);
      if (sessions.length === 1) {
        return this.sessionRows(sessions[0], undefined);
      }
      return sessions.map((session): FolderNode => ({
        kind: 'folder',
        session,
        parent: undefined,
      }));
    }
    switch (node.kind) {
      case 'folder':
        return this.sessionRows(node.session, node);
      case 'group':
        return node.row.tasks.map((task): TaskNode => ({
          kind: 'task',
          session: node.session,
          task,
          parent: node,
        }));
      case 'task': {
        const state = node.session.state;
        return taskChildren(node.task, state?.graph, state?.model?.byKey ?? new Map()).map(
          (row) => ({
            kind: 'child',
            session: node.session,
            row,
            parent: node,
          }),
        );
      }
      default:
        return [];
    }
  }

  /** The task's node as the tree shows it now, or undefined when filtered out or unknown. */
  findTaskNode(session: FolderSession, taskKey: string): TaskNode | undefined {
    const sessions = this.sessions.all.filter((s) => s.taskFile !== undefined);
    const parent: FolderNode | undefined =
      sessions.length === 1 ? undefined : { kind: 'folder', session, parent: undefined };
    for (const row of this.sessionRows(session, parent)) {
      if (row.kind === 'group') {
        const task = row.row.tasks.find((t) => t.key === taskKey);
        if (task) {
          return { kind: 'task', session, task, parent: row };
        }
      }
    }
    return undefined;
  }

  private sessionRows(session: FolderSession, parent: FolderNode | undefined): TaskTreeNode[] {
    const state = session.state;
    if (!state) {
      return [];
    }
    const message = (reason: MessageNode['reason']): MessageNode => ({
      kind: 'message',
      session,
      reason,
      parent,
    });
    if (!state.model) {
      return [message('noModel')];
    }
    const options = this.options.current;
    const groups = buildTaskGroups(state.model, state.graph, options).map((row): GroupNode => ({
      kind: 'group',
      session,
      row,
      groupBy: options.groupBy,
      parent,
    }));
    const rows: TaskTreeNode[] = state.broken ? [message('broken')] : [];
    if (groups.length === 0 && hasActiveFilter(options.filters)) {
      rows.push(message('filteredOut'));
    }
    return [...rows, ...groups];
  }
}
