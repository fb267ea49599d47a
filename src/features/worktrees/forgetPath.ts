import type { TaskEdit } from '../../kernel/edits/types';
import type { TaskModel } from '../../kernel/model/types';
import { resolveRecordedWorktree, sameFolder } from '../tasks/recordedPath';

/** The fields a task may record its worktree in (see the reader's aliases). */
const WORKTREE_FIELDS = ['worktree_path', 'worktree'] as const;

/** A task that records a worktree, and the path exactly as the task file spells it. */
export interface RecordedWorktree {
  taskKey: string;
  recorded: string;
}

/**
 * The tasks whose recorded worktree is `worktreePath`. Read before the folder is removed, while
 * it and any symlinked spelling of it still resolve. Recorded paths are relative to the main
 * checkout, as Start Task writes them.
 */
export function tasksRecordingWorktree(
  model: TaskModel,
  mainRoot: string,
  worktreePath: string,
): RecordedWorktree[] {
  const target = resolveRecordedWorktree(worktreePath, mainRoot);
  return model.tasks.flatMap((task) =>
    task.worktreePath && sameFolder(resolveRecordedWorktree(task.worktreePath, mainRoot), target)
      ? [{ taskKey: task.key, recorded: task.worktreePath }]
      : [],
  );
}

/**
 * The edits that drop those records, so no task keeps sending people to a folder that is gone.
 * Made against the file as it is now: a task that has since recorded another path keeps it.
 * Every spelling of the field is removed; the branch stays, it still names the task's work.
 */
export function forgetWorktreeEdits(
  model: TaskModel,
  recorded: readonly RecordedWorktree[],
): TaskEdit[] {
  return recorded.flatMap(({ taskKey, recorded: path }) => {
    const task = model.byKey.get(taskKey);
    if (!task || task.worktreePath !== path) {
      return [];
    }
    return WORKTREE_FIELDS.filter((field) => field in task.raw).map((field): TaskEdit => ({
      kind: 'setTaskField',
      taskKey,
      field,
      value: undefined,
    }));
  });
}
