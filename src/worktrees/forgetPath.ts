import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TaskEdit } from '../core/edits/types';
import type { TaskModel } from '../core/model/types';

type FieldEdit = Extract<TaskEdit, { kind: 'setTaskField' }>;

/**
 * The edits that drop the recorded `worktree_path` of every task pointing at `worktreePath`, so
 * no task keeps sending people to a folder that is gone. Computed before the removal, while the
 * folder still exists and symlinked spellings of it resolve. The branch stays: it still names the
 * task's work. Recorded paths are read relative to the main checkout, as Start Task writes them.
 */
export function forgetWorktreePathEdits(model: TaskModel, mainRoot: string, worktreePath: string): FieldEdit[] {
  const target = canonical(resolve(mainRoot, worktreePath));
  return model.tasks
    .filter((task) => task.worktreePath && canonical(resolve(mainRoot, task.worktreePath)) === target)
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
    return path;
  }
}
