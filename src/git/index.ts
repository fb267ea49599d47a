/** The one git module: every git call in the project goes through here. */
export { GitError, isGitError } from './errors';
export type { GitErrorReason, GitFailure } from './errors';
export { runGit } from './exec';
export type { GitResult, GitRunOptions } from './exec';
export { mainWorktreeRoot, worktreeTopLevel } from './repository';
