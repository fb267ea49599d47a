import type * as vscode from 'vscode';
import type { Task } from '../../core/model/types';
import type { FolderSession } from '../services';

/**
 * Adds another feature's data to task rows (pull request and CI from GitHub) without the tree
 * knowing that feature. `decorate` runs on every `getTreeItem` of a task: keep it cheap.
 */
export interface TaskItemDecorator {
  /** Fires when decorations changed; the tree then refreshes. */
  readonly onDidChange: vscode.Event<unknown>;
  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void;
}
