import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { isTaskEditError } from '../../kernel/edits/errors';
import { LockTimeoutError } from '../../platform/files/lock';
import { isTaskFileStoreError } from '../../platform/taskfile/errors';
import { TaskFileBrokenError } from '../../platform/taskfile/store';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  type CliCommand,
  type CliContext,
} from '../../features/common/cli/command';
import { HelpRequested } from '../../features/common/cli/args';
import { failureLine, isBug } from '../../features/common/cli/failureMessage';
import { outputStream } from '../../features/common/cli/print/outputStream';
import { TaskFileNotFoundError } from '../../features/common/cli/taskFile';

/** One line per command; each module exports `command: CliCommand`. */
const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  list: () => import('../../features/tasks/cli/list'),
  validate: () => import('../../features/tasks/cli/validate'),
  next: () => import('../../features/tasks/cli/next'),
  show: () => import('../../features/tasks/cli/show'),
  set: () => import('../../features/tasks/cli/set'),
  start: () => import('../../features/worktrees/cli/start'),
  worktrees: () => import('../../features/worktrees/cli/worktrees'),
  env: () => import('../../features/worktrees/cli/env'),
  snapshot: () => import('../../features/snapshots/cli/snapshot'),
  pr: () => import('../../features/github/cli/pr'),
  guardrails: () => import('../../features/guardrails/cli/guardrails'),
  trust: () => import('../../features/trust/cli/trust'),
  review: () => import('../../features/reviews/cli/review'),
  setup: () => import('../../features/plan-merge/cli/setup'),
  'merge-driver': () => import('../../features/plan-merge/cli/mergeDriver'),
  import: () => import('../../features/plan-import/cli/import'),
  agents: () => import('../../features/agents/cli/agents'),
  'agent-state': () => import('../../features/agents/cli/agentState'),
  mcp: () => import('../mcp/command'),
  conflicts: () => import('../../features/conflicts/cli/conflicts'),
};

export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    context.stdout(await helpText());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    context.stderr(`coord: unknown command "${name}"\n\n${await helpText()}`);
    return ExitCode.usage;
  }
  const { command } = await load();
  try {
    return await command.run(args, context);
  } catch (error) {
    return reportFailure(error, command, context);
  }
}

function reportFailure(error: unknown, command: CliCommand, context: CliContext): number {
  if (error instanceof HelpRequested) {
    context.stdout(`usage: ${command.usage}\n`);
    return ExitCode.ok;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || isTaskEditError(error, 'invalidValue')) {
    context.stderr(`coord: ${message}\nusage: ${command.usage}\n`);
    return ExitCode.usage;
  }
  if (CoordinatorError.is(error, 'gateRefused')) {
    context.stderr(
      `coord: ${message} Use --force to go ahead anyway; it is recorded on the task.\n`,
    );
    return ExitCode.failed;
  }
  const expected =
    CoordinatorError.is(error) ||
    error instanceof CommandFailure ||
    error instanceof TaskFileNotFoundError ||
    error instanceof TaskFileBrokenError ||
    error instanceof LockTimeoutError ||
    isTaskFileStoreError(error) ||
    isTaskEditError(error);
  if (expected || !isBug(error)) {
    context.stderr(`coord: ${expected ? message : failureLine(error as Error)}\n`);
  } else {
    context.stderr(
      `coord: unexpected error: ${error instanceof Error && error.stack ? error.stack : message}\n`,
    );
  }
  return ExitCode.failed;
}

async function helpText(): Promise<string> {
  const lines = ['usage: coord <command> [options]   (every command takes --file PATH)', ''];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(13)}${command.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: outputStream(process.stdout),
    stderr: outputStream(process.stderr),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`coord: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = ExitCode.failed;
    },
  );
}
