/** What every `coord` command gets, so commands never touch `process` directly. */
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
export interface CliContext {
  cwd: string;
  /** The process environment (read for trust and identity). */
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of standard input, for commands fed by another program (agent hooks). */
  readStdin?(): Promise<string>;
}

export interface CliCommand {
  /** One line for `coord help`. */
  summary: string;
  usage: string;
  run(args: string[], context: CliContext): Promise<number>;
}

export const ExitCode = {
  ok: 0,
  /** Validation errors, unknown task, missing file, refused write. */
  failed: 1,
  usage: 2,
} as const;

/** Bad arguments: printed with the command's usage, exit code 2. */
export class UsageError extends CoordinatorError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}

/** A command that ran but could not do what was asked: message printed, exit code 1. */
export class CommandFailure extends CoordinatorError {
  constructor(message: string) {
    super('commandFailed', message);
    this.name = 'CommandFailure';
  }
}
