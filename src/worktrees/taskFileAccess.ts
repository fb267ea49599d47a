import type { TaskEdit } from '../core/edits/types';
import type { LoadedTaskFile } from '../core/model/types';

/**
 * What the worktree flows need from the task-file store. `TaskFileStore`
 * (src/taskfile/store.ts) satisfies it; the extension can wrap a FolderSession.
 */
export interface TaskFileAccess {
  read(): Promise<LoadedTaskFile>;
  apply(edits: TaskEdit[]): Promise<unknown>;
}
