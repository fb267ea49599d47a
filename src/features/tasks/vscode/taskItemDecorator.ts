import type * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession } from '../../common/vscode/services';

/**
 * Adds another feature's data to task rows (pull request and CI from GitHub) without the tree
 * knowing that feature. `decorate` runs on every `getTreeItem` of a task: keep it cheap.
 */
export interface TaskItemDecorator {
  /** Fires when decorations changed; the tree then refreshes. */
  readonly onDidChange: vscode.Event<unknown>;
  decorate(item: vscode.TreeItem, session: FolderSession, task: Task): void;
  /** The web address of the task's pull request when this feature knows one the task file does not name. */
  pullRequestUrl?(session: FolderSession, task: Task): string | undefined;
}
