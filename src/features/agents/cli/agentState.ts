import { AGENT_NAME_ENV, AGENT_TASK_ENV, resolveActor } from '../../../platform/identity/actor';
import { parseCommandArgs } from '../../common/cli/args';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  type CliCommand,
  type CliContext,
} from '../../common/cli/command';
import { AGENT_DISPLAY_NAMES, DETECTABLE_STATES } from '../model/agentKinds';
import { REPORTED_AGENT_STATES, type AgentStateInput } from '../model/agentState';
import { HOOK_SOURCES, readHookPayload, type HookSource } from '../model/hookPayloads';
import { reportAgentState } from '../agentStateStore';

export const command: CliCommand = {
  summary: "record an agent's state for its task (local state folder, never the plan)",
  usage:
    `coord agent-state [KEY] STATE [--message M] [--exit-code N]\n` +
    `coord agent-state [KEY] --from ${HOOK_SOURCES.join('|')} [EVENT_JSON]\n` +
    `  STATE: ${REPORTED_AGENT_STATES.join(', ')}; failed needs --exit-code. KEY defaults to $${AGENT_TASK_ENV}.\n` +
    "  --from reads the agent's own event: Claude Code's and Copilot CLI's hook input on stdin, Codex's\n" +
    '  notify JSON as the last argument (or stdin). It prints nothing, and a bad event exits 1, never\n' +
    '  2 (which Claude Code reads as "block").\n' +
    '  Kept in <git common dir>/coordinator/agents/KEY.json; for agent hooks.',
  async run(args, context) {
    const fromAgent = args.some((arg) => arg === '--from' || arg.startsWith('--from='));
    try {
      return await record(args, context);
    } catch (error) {
      if (fromAgent && error instanceof UsageError) {
        throw new CommandFailure(error.message);
      }
      throw error;
    }
  },
};

async function record(args: string[], context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      message: { type: 'string' },
      'exit-code': { type: 'string' },
      from: { type: 'string' },
    },
    2,
  );
  const source = values.from;
  if (source !== undefined) {
    if (!(HOOK_SOURCES as readonly string[]).includes(source)) {
      const named = `${HOOK_SOURCES.slice(0, -1).join(', ')} or ${HOOK_SOURCES.at(-1)}`;
      throw new UsageError(`--from takes ${named}, not "${source}"`);
    }
    return recordEvent(source as HookSource, positionals, context);
  }
  const [first, second] = positionals;
  const [task, state] = second === undefined ? [ownTask(context), first] : [first, second];
  if (task === undefined || state === undefined) {
    throw new UsageError('a task key and a state are needed');
  }
  const exitText = values['exit-code'];
  if (exitText !== undefined && !/^-?\d+$/.test(exitText.trim())) {
    throw new UsageError(`--exit-code takes a whole number, not "${exitText}"`);
  }
  const actor = await resolveActor('cli', context.cwd);
  const saved = await reportAgentState(context.cwd, {
    task,
    state,
    agent: actor.name,
    message: values.message,
    exitCode: exitText === undefined ? undefined : Number(exitText),
  });
  context.stdout(`${saved.task}: ${saved.state.replace('_', ' ')}\n`);
  return ExitCode.ok;
}

/** An agent's own event: Codex passes it as the last argument, Claude Code on stdin. */
async function recordEvent(
  source: HookSource,
  positionals: string[],
  context: CliContext,
): Promise<number> {
  const payloadArgument = positionals.find((word) => word.trimStart().startsWith('{'));
  const task = positionals.find((word) => word !== payloadArgument) ?? ownTask(context);
  const payload = payloadArgument ?? (await context.readStdin?.()) ?? '';
  const reading = readHookPayload(source, payload);
  if ('problem' in reading) {
    throw new CommandFailure(reading.problem);
  }
  if ('ignored' in reading) {
    return ExitCode.ok;
  }
  const input: AgentStateInput = {
    task: required(task),
    state: reading.state,
    agent: context.env[AGENT_NAME_ENV]?.trim() || AGENT_DISPLAY_NAMES[source],
    message: reading.message,
    detects: DETECTABLE_STATES[source],
  };
  // Claude Code adds a hook's output to the conversation: say nothing.
  await reportAgentState(context.cwd, input);
  return ExitCode.ok;
}

function ownTask(context: CliContext): string | undefined {
  return context.env[AGENT_TASK_ENV]?.trim() || undefined;
}

function required(task: string | undefined): string {
  if (task === undefined) {
    throw new UsageError(`a task key is needed (or ${AGENT_TASK_ENV} in the environment)`);
  }
  return task;
}
