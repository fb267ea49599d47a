import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Task } from '../../../kernel/model/types';
import { mainWorktreeRoot } from '../../../platform/git';
import type { FolderSession } from '../../common/vscode/services';

/**
 * The task's worktree folder on disk, or a sentence saying why there is none. A relative
 * `worktree_path` is read against the main worktree (where the task file lives).
 */
export async function worktreeLocation(
  session: FolderSession,
  task: Task,
): Promise<{ path: string } | { problem: string }> {
  if (!task.worktreePath) {
    return { problem: `"${task.name}" has no worktree yet: start it in a worktree first.` };
  }
  let path = task.worktreePath;
  if (!isAbsolute(path)) {
    const root =
      (await mainWorktreeRoot(session.folder.uri.fsPath).catch(() => undefined)) ??
      session.folder.uri.fsPath;
    path = resolve(root, path);
  }
  const found = await stat(path).catch(() => undefined);
  if (!found?.isDirectory()) {
    return { problem: `The worktree of "${task.name}" is not on disk: ${path}` };
  }
  return { path };
}
