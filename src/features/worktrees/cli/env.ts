import { dirname, resolve } from 'node:path';
import { mainWorktreeRoot } from '../../../platform/git';
import { posixQuote } from '../../agents/model/shellQuoting';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { findTask, openTaskFile, requireModel } from '../../common/cli/taskFile';
import { readWorktreeSettings } from '../model/settings';
import { taskEnvFor } from '../taskEnv';

export const command: CliCommand = {
  summary: "print a task's environment: its port block (COORD_PORT, COORD_PORT_1…) and names",
  usage:
    'coord env KEY [--shell | --json] [--workspace FILE] [--trusted] [--file PATH]\n' +
    "  NAME=value lines, the same the task's terminals and setup command get: COORD_TASK,\n" +
    '  COORD_PORT, COORD_PORT_1… (coordinator.worktrees.ports.*) and the names of\n' +
    "  coordinator.worktrees.taskEnv. The block is kept until the task's worktree is removed.\n" +
    '  --shell prints export lines: eval "$(coord env task1 --shell)"',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...FILE_OPTION, ...JSON_OPTION, ...SETTINGS_OPTIONS, shell: { type: 'boolean' } },
      1,
    );
    const name = positionals[0];
    if (!name) {
      throw new UsageError('a task key or id is needed');
    }
    if (values.shell && values.json) {
      throw new UsageError('--shell and --json do not go together');
    }
    const opened = await openTaskFile(values.file, context);
    const task = findTask(requireModel(opened).model, name);
    const mainRoot = await mainWorktreeRoot(dirname(opened.path));
    if (!mainRoot) {
      throw new CommandFailure(`${opened.shownPath} is not inside a git repository`);
    }
    if (!task.worktreePath) {
      throw new CommandFailure(
        `${task.key} has no worktree yet; a task gets its ports when it starts (coord start ${task.key})`,
      );
    }
    const worktreePath = resolve(mainRoot, task.worktreePath);
    const settings = readWorktreeSettings(
      (await cliSettings(values, context, { reads: ['worktrees.'] })).get,
    );
    const { env, problems } = await taskEnvFor({ mainRoot, task, worktreePath, settings });
    for (const problem of problems) {
      context.stderr(`coord: ${problem}\n`);
    }
    if (values.json) {
      context.stdout(`${JSON.stringify(env, null, 2)}\n`);
    } else {
      const lines = Object.entries(env).map(([key, value]) =>
        values.shell ? `export ${key}=${posixQuote(value)}` : `${key}=${value}`,
      );
      context.stdout(`${lines.join('\n')}\n`);
    }
    return ExitCode.ok;
  },
};
