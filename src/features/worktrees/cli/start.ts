import { NamingError, TemplateError } from '../model/naming';
import { GitError } from '../../../platform/git';
import { StartTaskError, type StartTaskResult } from '..';
import { startGatedTask, type GatedStartResult } from '../startGatedTask';
import type { GateUi } from '../../tasks/gateUi';
import { waitTargets } from '../../conflicts/model/softDependencies';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { resolveActor } from '../../../platform/identity/actor';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { resolveTaskFile } from '../../common/cli/taskFile';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { join } from 'node:path';
import { readWorktreeSettings } from '../model/settings';
import { portRangeText } from '../model/portBlocks';
import { sharingLine } from '../model/sharedDependencies';
import { agentCommandTemplate, expandAgentCommand } from '../../agents/model/agentCommand';
import { shellSyntaxFor } from '../../agents/model/shellQuoting';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { currentCoordLauncher } from '../../common/cli/launcher';
import { withAgentFlags } from '../../agents/model/setup/agentSetup';
import { commitPlanAfterChange } from '../../plan-merge/cli/commitPlanAfterChange';

export const command: CliCommand = {
  summary: 'start a task in its own git worktree (branch, brief, task file); prints the path',
  usage:
    'coord start KEY [--base BRANCH] [--branch-template T] [--path-template T] [--copy GLOB]...\n' +
    '                [--brief NAME] [--setup COMMAND] [--force | --wait] [--workspace FILE] [--trusted]\n' +
    '                [--json] [--file PATH]\n' +
    "  Options default to the coordinator.worktrees.* settings of the folder's .vscode/settings.json\n" +
    "  (over --workspace FILE's); the setup command from settings runs only in a trusted repository.\n" +
    '  A task that is blocked, waiting, waits for unfinished tasks, or collides with a task in\n' +
    '  progress (the same declared files, or a forecast conflict) starts only with --force,\n' +
    '  which is recorded on the task; with --wait a colliding start starts nothing and records\n' +
    '  the tasks it waits for (waits_for), and exits 1.\n' +
    '  e.g. cd "$(coord start task1)"',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        ...SETTINGS_OPTIONS,
        base: { type: 'string' },
        'branch-template': { type: 'string' },
        'path-template': { type: 'string' },
        copy: { type: 'string', multiple: true },
        brief: { type: 'string' },
        setup: { type: 'string' },
        force: { type: 'boolean' },
        wait: { type: 'boolean' },
      },
      1,
    );
    const taskKey = positionals[0];
    if (!taskKey) {
      throw new UsageError('a task key or id is needed');
    }
    const taskFilePath = await resolveTaskFile(values.file, context);
    const settings = readWorktreeSettings(
      (await cliSettings(values, context, { reads: ['worktrees.'] })).get,
    );
    const setupCommand = values.setup ?? (settings.setupCommand || undefined);
    if (values.force && values.wait) {
      throw new UsageError('--force and --wait ask for opposite things: give one');
    }
    // What a refused colliding start could wait for, to say so beside --force.
    let couldWaitFor: string[] = [];
    const ui: GateUi = {
      confirmOverride(check) {
        couldWaitFor = waitTargets(check.overlaps ?? []);
        return Promise.resolve(values.force === true || (values.wait === true ? 'wait' : false));
      },
    };
    const store = new TaskFileStore(taskFilePath);
    const before = (await store.read().catch(() => undefined))?.model;
    let gated: GatedStartResult;
    try {
      gated = await startGatedTask({
        ui,
        actor: await resolveActor('cli', context.cwd),
        taskKey,
        taskFilePath,
        store,
        baseBranch: values.base ?? (settings.baseBranch || undefined),
        branchTemplate: values['branch-template'] ?? settings.branchTemplate,
        pathTemplate: values['path-template'] ?? settings.pathTemplate,
        copyGlobs: values.copy ?? settings.copyGlobs,
        sharedDependencies: settings.sharedDependencies,
        briefFileName: values.brief ?? settings.briefFileName,
        setupCommand,
        portBase: settings.portBase,
        portBlockSize: settings.portBlockSize,
        taskEnv: settings.taskEnv,
        // Whoever typed --setup asked for that command to run; a setup command from the
        // repository's settings is only here when the repository is trusted.
        isTrusted: () => true,
        onOutput: (chunk) => context.stderr(chunk),
        // Agents reach this coord through the repository's launcher, unless one already works.
        coord: { command: currentCoordLauncher().command, replace: false },
      });
    } catch (error) {
      if (CoordinatorError.is(error, 'gateRefused') && couldWaitFor.length > 0) {
        throw new CoordinatorError(
          'gateRefused',
          `${error.message} Use --wait to record that it waits for ${couldWaitFor.join(', ')}.`,
        );
      }
      if (
        error instanceof StartTaskError ||
        error instanceof GitError ||
        error instanceof NamingError ||
        error instanceof TemplateError
      ) {
        throw new CommandFailure(error.message);
      }
      throw error;
    }
    if (gated.outcome === 'waiting') {
      if (values.json) {
        context.stdout(
          `${JSON.stringify({ outcome: 'waiting', taskKey: gated.task.key, waitsFor: gated.waitsFor }, null, 2)}\n`,
        );
        return ExitCode.failed;
      }
      throw new CommandFailure(gated.message);
    }
    const result: StartTaskResult = gated;
    const planCommit = async () =>
      commitPlanAfterChange({
        name: 'coord start',
        taskFilePath,
        before,
        after: (await store.read().catch(() => undefined))?.model,
        values,
        context,
        stdoutIsData: true,
      });
    // The line the editor would type in the agent's terminal; shown, never run, by the CLI.
    const template = agentCommandTemplate(settings.agents, result.task);
    const syntax = shellSyntaxFor(context.env.SHELL);
    const expanded = template
      ? expandAgentCommand(
          template,
          {
            brief: result.briefPath ?? join(result.path, values.brief ?? settings.briefFileName),
            taskId: result.task.id,
            branch: result.branch,
          },
          syntax,
        )
      : undefined;
    const agentCommand =
      expanded && result.agentSetup
        ? withAgentFlags(expanded, result.agentSetup.flags, syntax).line
        : expanded;
    if (values.json) {
      const { task, agentSetup, ...rest } = result;
      const agents = agentSetup && {
        ...agentSetup,
        files: agentSetup.files.map((file) => file.path),
      };
      context.stdout(
        `${JSON.stringify({ ...rest, agentSetup: agents, taskKey: task.key, agentCommand: agentCommand ?? null }, null, 2)}\n`,
      );
      await planCommit();
      return ExitCode.ok;
    }
    context.stderr(describe(result, agentCommand, setupCommand !== undefined));
    context.stdout(`${result.path}\n`);
    await planCommit();
    return ExitCode.ok;
  },
};

function describe(
  result: StartTaskResult,
  agentCommand: string | undefined,
  hasSetupCommand: boolean,
): string {
  const skipped = result.skippedCopies.map(({ path, reason }) => `not copied: ${path} (${reason})`);
  if (result.outcome === 'existing') {
    return [
      `${result.task.key} already has a worktree on ${result.branch}`,
      ...result.notes,
      '',
    ].join('\n');
  }
  const lines = [
    ...result.notes,
    result.outcome === 'adopted'
      ? `${result.task.key}: branch ${result.branch} at ${result.path}`
      : `${result.task.key}: ${result.createdBranch ? `new branch ${result.branch} from ${result.base}` : `existing branch ${result.branch}`}`,
    result.briefPath ? `brief: ${result.briefPath}` : undefined,
    result.copiedFiles.length > 0 ? `copied: ${result.copiedFiles.join(', ')}` : undefined,
    ...skipped,
    ...result.sharedDependencies.map((shared) => `shared: ${sharingLine(shared, hasSetupCommand)}`),
    result.lockFile ? `lock: ${result.lockFile}` : undefined,
    result.ports
      ? `ports: ${portRangeText(result.ports)} (COORD_PORT=${result.ports.start})`
      : undefined,
    result.setup === 'ran' ? 'setup command ran' : undefined,
    result.agentSetup ? `agent setup: ${result.agentSetup.dir}` : undefined,
    agentCommand ? `agent: ${agentCommand}` : undefined,
    'task file: in_progress',
  ];
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`;
}
