/**
 * Worktree flows shared by the extension and the CLI. The extension maps its
 * settings onto `StartTaskOptions`, passes a store, `isTrusted` and `onOutput`,
 * and opens `result.path` (window / terminal) itself.
 */
export { startTaskInWorktree, startEdits, DEFAULT_BRIEF_FILE_NAME, DEFAULT_COPY_GLOBS } from './startTask';
export type { StartTaskOptions, StartTaskResult } from './startTask';
export { StartTaskError, START_STEPS } from './steps';
export type { StartStep } from './steps';
export type { TaskFileAccess } from './taskFileAccess';
export { runSetupCommand } from './setupCommand';
export type { SetupRunner } from './setupCommand';
export { listWorktreesWithStatus, linkedTask } from './list';
export type { WorktreeInfo, ListWorktreesOptions } from './list';
export { removeTaskWorktree, RemovalNeedsConfirmation } from './remove';
export type { RemoveWorktreeOptions, RemoveWorktreeResult } from './remove';
export { copyIncludedFiles, WORKTREE_INCLUDE_FILE } from './copyIncluded';
export { pruneWorktrees } from '../git/worktrees';
