import { ExitCode, type CliCommand, type CliContext } from '../../features/common/cli/command';
import { exitWith, processContext } from '../../features/common/cli/processRun';
import { runCommand } from '../../features/common/cli/runCommand';

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
  attention: () => import('../../features/attention/cli/attention'),
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
  return runCommand(command, args, context);
}

async function helpText(): Promise<string> {
  const lines = ['usage: coord <command> [options]   (every command takes --file PATH)', ''];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(13)}${command.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `coord` in this process: runs the command its arguments name and exits with its code. */
export function runCliFromProcess(argv: string[]): void {
  exitWith(runCli(argv, processContext()));
}

if (require.main === module) {
  runCliFromProcess(process.argv.slice(2));
}
