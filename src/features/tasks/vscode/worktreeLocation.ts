import type { Task } from '../../../kernel/model/types';
import { findTaskWorktree, type TaskWorktree } from '../taskWorktree';
import type { FolderSession } from '../../common/vscode/services';

/** The task's worktree folder on disk, or a sentence saying why there is none. */
export function worktreeLocation(session: FolderSession, task: Task): Promise<TaskWorktree> {
  return findTaskWorktree(session.folder.uri.fsPath, task);
}
