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
  /** Two plans changed the same thing in ways their merge rules cannot reconcile. */
  | 'planConflict'
  /** A run of guardrails was asked for where none are defined. */
  | 'noGuardrails'
  /** A guardrail key that neither the task file nor the settings define. */
  | 'unknownGuardrail'
  /** A task that needs a branch (for a pull request) has none yet. */
  | 'noBranch'
  /** Command-line arguments that do not parse: the command's usage is shown. */
  | 'usage'
  /** `-h` or `--help` among a command's options: its usage is shown instead of running it. */
  | 'helpRequested'
  /** A command ran but could not do what was asked. */
  | 'commandFailed'
  | 'taskFileNotFound'
  /** The task file has errors, so it is not written. */
  | 'taskFileBroken'
  /** The store did not write (symlink outside the repository, lock lost, file kept changing). */
  | 'taskFileNotWritten'
  /** Another writer holds the task file's lock. */
  | 'lockTimeout'
  /** An edit names a value the task file cannot take (`--status nonsense`). */
  | 'invalidValue'
  /** An edit cannot be applied to the text (unparseable, a field written twice, no such entry). */
  | 'editRefused'
  | 'gitFailed'
  | 'gitHubFailed'
  | 'snapshotFailed'
  /** A branch or folder template that does not expand to a usable name. */
  | 'badTemplate'
  /** A task's branch or folder name git would refuse. */
  | 'badName'
  /** Start Task failed at a step (and undid what it had done). */
  | 'startFailed'
  /** Guardrail verdicts could not (all) be recorded in the task file. */
  | 'notRecorded'
  | 'notARepository'
  /** A worktree's teardown command failed, so the worktree was kept. */
  | 'teardownFailed'
  /** A worktree another tool locked or a process is using; never removed. */
  | 'worktreeInUse';

export interface CoordinatorErrorOptions {
  /** More for those who want it (the output channel, `--json`); never needed to understand the line. */
  detail?: string;
  cause?: unknown;
}

/**
 * Every expected failure: a stable `code` for code, one line of text for the person (a longer
 * text is cut at its first line, the rest kept as `detail`), and optional detail.
 */
export class CoordinatorError extends Error {
  readonly detail: string | undefined;

  constructor(
    readonly code: CoordinatorErrorCode,
    message: string,
    options: CoordinatorErrorOptions = {},
  ) {
    const [line, ...rest] = message.split('\n');
    super(line, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CoordinatorError';
    const more = rest.join('\n').trim();
    this.detail = options.detail ?? (more === '' ? undefined : more);
  }

  static is(error: unknown, code?: CoordinatorErrorCode): error is CoordinatorError {
    return error instanceof CoordinatorError && (code === undefined || error.code === code);
  }
}
