import {
  CoordinatorError,
  type CoordinatorErrorCode,
} from '../../../kernel/errors/coordinatorError';
import { ExitCode, type CliCommand, type CliContext } from './command';
import { failureLine, isBug } from './failureMessage';

/** Runs one command: an expected failure becomes one line (its usage too for bad arguments). */
export async function runCommand(
  command: CliCommand,
  args: string[],
  context: CliContext,
): Promise<number> {
  try {
    return await command.run(args, context);
  } catch (error) {
    return reportFailure(error, command, context);
  }
}

/** Exit codes other than 1 (a command that could not do what was asked), by error code. */
const EXIT_CODES: Partial<Record<CoordinatorErrorCode, number>> = {
  helpRequested: ExitCode.ok,
  usage: ExitCode.usage,
  invalidValue: ExitCode.usage,
  unknownGuardrail: ExitCode.usage,
};

/** Prints one line for an expected failure (its usage too for bad arguments); a bug keeps its stack. */
function reportFailure(error: unknown, command: CliCommand, context: CliContext): number {
  if (CoordinatorError.is(error)) {
    const exitCode = EXIT_CODES[error.code] ?? ExitCode.failed;
    if (error.code === 'helpRequested') {
      context.stdout(`usage: ${command.usage}\n`);
    } else if (exitCode === ExitCode.usage) {
      context.stderr(`coord: ${error.message}\nusage: ${command.usage}\n`);
    } else if (error.code === 'gateRefused') {
      context.stderr(
        `coord: ${error.message} Use --force to go ahead anyway; it is recorded on the task.\n`,
      );
    } else {
      context.stderr(`coord: ${error.message}\n`);
    }
    return exitCode;
  }
  if (!isBug(error)) {
    context.stderr(`coord: ${failureLine(error as Error)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    context.stderr(
      `coord: unexpected error: ${error instanceof Error && error.stack ? error.stack : message}\n`,
    );
  }
  return ExitCode.failed;
}
