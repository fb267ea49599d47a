/** Why a git command failed, classified from its stderr. */
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
export type GitErrorReason =
  | 'notARepository'
  | 'noCommits'
  | 'alreadyExists'
  | 'alreadyCheckedOut'
  | 'pathExists'
  | 'dirty'
  | 'unpushed'
  | 'invalidRef'
  | 'unknownRef'
  | 'locked'
  /** A checked ref update found the ref moved (or created) by another writer. */
  | 'refMoved'
  | 'notAWorktree'
  | 'lockContention'
  | 'cancelled'
  | 'gitMissing'
  | 'cwdMissing'
  | 'unknown';

export interface GitFailure {
  readonly args: readonly string[];
  readonly cwd: string;
  readonly exitCode: number | undefined;
  readonly stderr: string;
}

export class GitError extends CoordinatorError {
  override readonly name = 'GitError';

  constructor(
    readonly reason: GitErrorReason,
    message: string,
    readonly failure?: GitFailure,
  ) {
    super('gitFailed', message);
  }
}

export function isGitError(error: unknown, reason?: GitErrorReason): error is GitError {
  return error instanceof GitError && (reason === undefined || error.reason === reason);
}
