import type * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';
import type { WorktreeInfo } from '..';

/**
 * Adds another feature's data to every worktree row, linked to a task or not (the conflict
 * radar names a worktree by its task, else by its branch). `decorate` runs on every
 * `getTreeItem`: keep it cheap.
 */
export interface WorktreeItemDecorator {
  /** Fires when decorations changed; the tree then refreshes. */
  readonly onDidChange: vscode.Event<unknown>;
  decorate(item: vscode.TreeItem, session: FolderSession, info: WorktreeInfo, task?: Task): void;
}
