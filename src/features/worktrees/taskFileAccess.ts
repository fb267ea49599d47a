import type { TaskEdit } from '../../kernel/edits/types';
import type { LoadedTaskFile } from '../../kernel/model/types';

/**
 * What the worktree flows need from the task-file store. `TaskFileStore`
 * (src/platform/taskfile/store.ts) satisfies it; the extension can wrap a FolderSession.
 */
export interface TaskFileAccess {
  read(): Promise<LoadedTaskFile>;
  apply(edits: TaskEdit[]): Promise<unknown>;
  /** Repairs what killed writers left beside the file; a start that writes nothing still tidies. */
  repair?(): Promise<void>;
}
