import { JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { formatTable } from '../../common/cli/print/table';
import { DEFAULT_STALE_AFTER_MS, shownAgentState } from '../model/agentState';
import { readAgentStates } from '../agentStateStore';

export const command: CliCommand = {
  summary:
    'agent state per task: working, needs input, idle, finished, failed, stale or not detectable',
  usage:
    'coord agents [--stale-after MINUTES] [--json]\n' +
    `  An agent working with no signal for ${DEFAULT_STALE_AFTER_MS / 60_000} minutes (or --stale-after) shows as stale.`,
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...JSON_OPTION,
      'stale-after': { type: 'string' },
    });
    const minutes = values['stale-after'] === undefined ? undefined : Number(values['stale-after']);
    if (minutes !== undefined && !(minutes > 0)) {
      throw new UsageError(`--stale-after takes minutes above 0, not "${values['stale-after']}"`);
    }
    const staleAfter = minutes === undefined ? DEFAULT_STALE_AFTER_MS : minutes * 60_000;
    const now = new Date();
    const agents = (await readAgentStates(context.cwd)).map((record) => ({
      ...record,
      shown: shownAgentState(record, now, staleAfter),
    }));
    if (values.json) {
      context.stdout(`${JSON.stringify({ agents }, null, 2)}\n`);
      return ExitCode.ok;
    }
    if (agents.length === 0) {
      context.stdout('no agent has reported a state\n');
      return ExitCode.ok;
    }
    context.stdout(
      formatTable(
        [
          { header: 'TASK', max: 24 },
          { header: 'STATE', max: 14 },
          { header: 'AGENT', max: 16, flexible: true },
          { header: 'SINCE', max: 20 },
          { header: 'MESSAGE', max: 48, flexible: true },
        ],
        agents.map((agent) => [
          agent.task,
          agent.shown.replace('_', ' '),
          agent.agent,
          agent.at.replace(/\.\d+Z$/, 'Z'),
          agent.state === 'failed' ? `exit code ${agent.exitCode}` : (agent.message ?? ''),
        ]),
      ),
    );
    return ExitCode.ok;
  },
};
