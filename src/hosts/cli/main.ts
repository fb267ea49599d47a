import { CoordinatorError, type CoordinatorErrorCode } from '../../kernel/errors/coordinatorError';
import { ExitCode, type CliCommand, type CliContext } from '../../features/common/cli/command';
import { failureLine, isBug } from '../../features/common/cli/failureMessage';
import { outputStream } from '../../features/common/cli/print/outputStream';

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
  metrics: () => import('../../features/metrics/cli/metrics'),
  setup: () => import('../../features/plan-merge/cli/setup'),
  'merge-driver': () => import('../../features/plan-merge/cli/mergeDriver'),
  plan: () => import('../../features/plan-merge/cli/plan'),
  status: () => import('../../features/plan-merge/cli/status'),
  'commit-plan': () => import('../../features/plan-merge/cli/commitPlan'),
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

async function helpText(): Promise<string> {
  const lines = ['usage: coord <command> [options]   (every command takes --file PATH)', ''];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(13)}${command.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: outputStream(process.stdout),
    stderr: outputStream(process.stderr),
    readStdin: () => readAll(process.stdin),
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
