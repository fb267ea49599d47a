import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TaskEdit } from '../../core/edits/types';
import type { RepositoryWorktrees } from './repositoryWorktrees';

type FieldEdit = Extract<TaskEdit, { kind: 'setTaskField' }>;

/**
 * The edits that drop the recorded `worktree_path` of every task pointing at `worktreePath`, so no
 * task keeps sending people to a folder that is gone. Computed before the removal, while the
 * folder still exists and symlinked spellings of it can be resolved. The branch stays: it still
 * names the task's work.
 */
export function forgetWorktreePathEdits(repo: RepositoryWorktrees, worktreePath: string): FieldEdit[] {
  const state = repo.taskSession?.state;
  if (!state?.model || state.broken) {
    return [];
  }
  const target = canonical(worktreePath);
  return state.model.tasks
    .filter((task) => task.worktreePath && canonical(resolve(repo.mainRoot, task.worktreePath)) === target)
    .map((task) => ({
      kind: 'setTaskField',
      taskKey: task.key,
      field: 'worktree_path' in task.raw ? 'worktree_path' : 'worktree',
      value: undefined,
    }));
}

function canonical(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}
