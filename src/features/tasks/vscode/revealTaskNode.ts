import type * as vscode from 'vscode';
import type { FolderSession } from '../../common/vscode/services';
import type { TasksTreeProvider } from './tasksTreeProvider';
import type { TaskNode, TaskTreeNode } from './taskTreeNodes';

const ATTEMPTS = 5;

/**
 * Reveals a task's row. VS Code refuses a reveal whose element it cannot resolve while the tree
 * is being refreshed (a decorator or the file changed just then), so the row is found again and
 * the reveal tried again after a moment; false when the task is not shown (filtered out).
 */
export async function revealTaskNode(
  view: vscode.TreeView<TaskTreeNode>,
  provider: Pick<TasksTreeProvider, 'findTaskNode'>,
  session: FolderSession,
  taskKey: string,
  options: { select?: boolean; focus?: boolean; expand?: boolean | number } = {},
): Promise<TaskNode | undefined> {
  for (let attempt = 1; ; attempt++) {
    const node = provider.findTaskNode(session, taskKey);
    if (!node) {
      return undefined;
    }
    try {
      await view.reveal(node, options);
      return node;
    } catch (error) {
      if (attempt >= ATTEMPTS) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
