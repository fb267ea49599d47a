import { JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { formatTable } from '../../common/cli/print/table';
import { discoverTaskFile } from '../../../platform/taskfile/discover';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { worktreeTopLevel } from '../../../platform/git';
import { DEFAULT_STALE_AFTER_MS, STALE_AFTER_SETTING, shownAgentState } from '../model/agentState';
import { taskAgentStatuses } from '../model/taskAgentState';
import { readAgentStates } from '../agentStateStore';
import { folderStaleAfterMs } from '../agentStatuses';

export const command: CliCommand = {
  summary:
    'agent state per task: working, needs input, idle, finished, failed, stale or not detectable',
  usage:
    'coord agents [--stale-after MINUTES] [--json]\n' +
    `  An agent working with no signal for ${DEFAULT_STALE_AFTER_MS / 60_000} minutes (--stale-after, or ${STALE_AFTER_SETTING}\n` +
    "  in the folder's .vscode/settings.json) shows as stale. Tasks under way whose agent never\n" +
    '  reported are listed as not detectable.',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...JSON_OPTION,
      'stale-after': { type: 'string' },
    });
    const minutes = values['stale-after'] === undefined ? undefined : Number(values['stale-after']);
    if (minutes !== undefined && !(minutes > 0)) {
      throw new UsageError(`--stale-after takes minutes above 0, not "${values['stale-after']}"`);
    }
    const top = (await worktreeTopLevel(context.cwd).catch(() => undefined)) ?? context.cwd;
    const staleAfter = minutes === undefined ? await folderStaleAfterMs(top) : minutes * 60_000;
    const now = new Date();
    const records = await readAgentStates(context.cwd);
    const agents = records.map((record) => ({
      ...record,
      shown: shownAgentState(record, now, staleAfter),
    }));
    const notDetectable = await undetectedTasks(context.cwd, records, now, staleAfter);
    if (values.json) {
      context.stdout(`${JSON.stringify({ agents, notDetectable }, null, 2)}\n`);
      return ExitCode.ok;
    }
    const undetected =
      notDetectable.length > 0
        ? `not detectable (under way, no report): ${notDetectable.join(', ')}\n`
        : '';
    if (agents.length === 0) {
      context.stdout(`no agent has reported a state\n${undetected}`);
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
    context.stdout(undetected);
    return ExitCode.ok;
  },
};

/** Tasks under way in the plan (when one is found) whose agent never reported. */
async function undetectedTasks(
  cwd: string,
  records: Parameters<typeof taskAgentStatuses>[1],
  now: Date,
  staleAfter: number,
): Promise<string[]> {
  const file = await discoverTaskFile(cwd).catch(() => undefined);
  const model = file && (await new TaskFileStore(file).read().catch(() => undefined))?.model;
  if (!model) {
    return [];
  }
  return [...taskAgentStatuses(model.tasks, records, now, staleAfter)]
    .filter(([, status]) => status.state === 'not_detectable')
    .map(([key]) => key);
}
