import { resolveActor } from '../../../platform/identity/actor';
import { parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { REPORTED_AGENT_STATES } from '../model/agentState';
import { reportAgentState } from '../agentStateStore';

export const command: CliCommand = {
  summary: "record an agent's state for its task (local state folder, never the plan)",
  usage:
    `coord agent-state KEY STATE [--message M] [--exit-code N]\n` +
    `  STATE: ${REPORTED_AGENT_STATES.join(', ')}; failed needs --exit-code.\n` +
    '  Kept in <git common dir>/coordinator/agents/KEY.json; for agent hooks.',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { message: { type: 'string' }, 'exit-code': { type: 'string' } },
      2,
    );
    const [task, state] = positionals;
    if (task === undefined || state === undefined) {
      throw new UsageError('a task key and a state are needed');
    }
    const exitText = values['exit-code'];
    const exitCode = exitText === undefined ? undefined : Number(exitText);
    if (exitText !== undefined && !/^-?\d+$/.test(exitText.trim())) {
      throw new UsageError(`--exit-code takes a whole number, not "${exitText}"`);
    }
    const actor = await resolveActor('cli', context.cwd);
    const record = await reportAgentState(context.cwd, {
      task,
      state,
      agent: actor.name,
      message: values.message,
      exitCode,
    });
    context.stdout(`${record.task}: ${record.state.replace('_', ' ')}\n`);
    return ExitCode.ok;
  },
};
