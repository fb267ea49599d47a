/** Stable reasons every host can branch on; the message is for people and never parsed. */
export type CoordinatorErrorCode =
  /** A gate (dependencies, completion, review, trust) refused and nobody forced it. */
  | 'gateRefused'
  /** A gate judged again after the UI acted on it (ran the missing guardrails) still refuses. */
  | 'gateNotMet'
  /** The repository is not trusted, so its commands and settings that run commands are ignored. */
  | 'untrusted'
  | 'unknownTask'
  /** Someone who did a task's work tried to approve its review. */
  | 'selfApproval'
  | 'badInput'
  /** A worktree's teardown command failed, so the worktree was kept. */
  | 'teardownFailed'
  /** A worktree another tool locked or a process is using; never removed. */
  | 'worktreeInUse';

/** An expected failure with one line of text for the person and a stable code for the code. */
export class CoordinatorError extends Error {
  constructor(
    readonly code: CoordinatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoordinatorError';
  }

  static is(error: unknown, code?: CoordinatorErrorCode): error is CoordinatorError {
    return error instanceof CoordinatorError && (code === undefined || error.code === code);
  }
}
