import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Task } from '../../kernel/model/types';
import { listWorktrees, mainWorktreeRoot } from '../../platform/git';
import { resolveRecordedWorktree } from './recordedPath';

export type TaskWorktree = { path: string } | { problem: string };

/**
 * The task's worktree on disk: its recorded `worktree_path` (a relative one is read against the
 * main worktree, where the task file lives), else the worktree that has its branch checked out;
 * otherwise a sentence saying why there is none. Every host resolves it here.
 */
export async function findTaskWorktree(folder: string, task: Task): Promise<TaskWorktree> {
  if (task.worktreePath) {
    // Only a relative path needs the main worktree, and finding it runs git.
    const path = isAbsolute(task.worktreePath)
      ? task.worktreePath
      : resolveRecordedWorktree(
          task.worktreePath,
          (await mainWorktreeRoot(folder).catch(() => undefined)) ?? folder,
        );
    const found = await stat(path).catch(() => undefined);
    if (found?.isDirectory()) {
      return { path };
    }
    if (!task.branch) {
      return { problem: `The worktree of "${task.name}" is not on disk: ${path}` };
    }
  }
  if (task.branch) {
    const worktrees = await listWorktrees(folder).catch(() => []);
    const byBranch = worktrees.find((entry) => entry.branch === task.branch && !entry.bare);
    if (byBranch) {
      return { path: byBranch.path };
    }
  }
  return { problem: `"${task.name}" has no worktree yet: start it in a worktree first.` };
}
