import type { Task } from '../../../kernel/model/types';
import type { TaskGroupRow } from '../model/buildTree';
import type { TaskChildRow } from '../model/taskChildren';
import type { FolderSession } from '../../common/vscode/services';

/** The rows of the Tasks view. Every node knows its parent so `TreeView.reveal` can walk up. */
export type TaskTreeNode = FolderNode | GroupNode | TaskNode | TaskChildNode | MessageNode;

export interface FolderNode {
  kind: 'folder';
  session: FolderSession;
  parent: undefined;
}

export interface GroupNode {
  kind: 'group';
  session: FolderSession;
  row: TaskGroupRow;
  /** What the rows are grouped by, part of the id so switching grouping does not reuse expansion. */
  groupBy: string;
  parent: FolderNode | undefined;
}

export interface TaskNode {
  kind: 'task';
  session: FolderSession;
  task: Task;
  parent: GroupNode;
}

export interface TaskChildNode {
  kind: 'child';
  session: FolderSession;
  row: TaskChildRow;
  parent: TaskNode;
}

/** A broken file, or a filter that hides everything. */
export interface MessageNode {
  kind: 'message';
  session: FolderSession;
  reason: 'broken' | 'noModel' | 'filteredOut';
  parent: FolderNode | undefined;
}

/** A task as other commands receive it: a tree node, or `{ taskKey, folder }` from code and notifications. */
export interface TaskReference {
  taskKey: string;
  /** The workspace folder's uri (string) or path; the first session when absent. */
  folder?: string;
}

export function isTaskNode(value: unknown): value is TaskNode {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'task'
  );
}

export function isTaskReference(value: unknown): value is TaskReference {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { taskKey?: unknown }).taskKey === 'string'
  );
}

export function folderId(session: FolderSession): string {
  return session.folder.uri.toString();
}

/** Stable per task, so expansion and selection survive refreshes. */
export function taskNodeId(session: FolderSession, taskKey: string): string {
  return `task:${folderId(session)}:${taskKey}`;
}

export function childNodeId(parent: TaskNode, row: TaskChildRow): string {
  const name = row.kind === 'blocker' ? row.text : row.name;
  return `${taskNodeId(parent.session, parent.task.key)}/${row.kind}:${name}`;
}
