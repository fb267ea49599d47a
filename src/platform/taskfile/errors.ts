import { CoordinatorError } from '../../kernel/errors/coordinatorError';

export type TaskFileStoreFailure =
  /** The task file, or a folder on its path, is a symlink leading out of the repository. */
  | 'outsideRepository'
  /** Other programs kept saving the file while the store tried to write its edit. */
  | 'keepsChanging'
  /** The lock was taken over (judged stale) while the edit was being written. */
  | 'lockLost';

/** Why the store did not write; the file is left as it was. */
export class TaskFileStoreError extends CoordinatorError {
  constructor(
    readonly reason: TaskFileStoreFailure,
    message: string,
    readonly filePath: string,
  ) {
    super('taskFileNotWritten', message);
    this.name = 'TaskFileStoreError';
  }
}

export function isTaskFileStoreError(
  error: unknown,
  reason?: TaskFileStoreFailure,
): error is TaskFileStoreError {
  return error instanceof TaskFileStoreError && (reason === undefined || error.reason === reason);
}
