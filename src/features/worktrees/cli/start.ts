import { NamingError, TemplateError } from '../model/naming';
import { GitError } from '../../../platform/git';
import { StartTaskError, type StartTaskResult } from '..';
import { startGatedTask } from '../startGatedTask';
import { forcedOnly } from '../../tasks/gateUi';
import { resolveActor } from '../../../platform/identity/actor';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { resolveTaskFile } from '../../common/cli/taskFile';
import { TaskFileStore } from '../../../platform/taskfile/store';

export const command: CliCommand = {
  summary: 'start a task in its own git worktree (branch, brief, task file); prints the path',
  usage:
    'coord start KEY [--base BRANCH] [--branch-template T] [--path-template T] [--copy GLOB]...\n' +
    '                [--brief NAME] [--setup COMMAND] [--force] [--json] [--file PATH]\n' +
    '  A task that is blocked, waiting, waits for unfinished tasks, or collides with a task in\n' +
    '  progress (the same declared files, or a forecast conflict) starts only with --force,\n' +
    '  which is recorded on the task.\n' +
    '  e.g. cd "$(coord start task1)"',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        base: { type: 'string' },
        'branch-template': { type: 'string' },
        'path-template': { type: 'string' },
        copy: { type: 'string', multiple: true },
        brief: { type: 'string' },
        setup: { type: 'string' },
        force: { type: 'boolean' },
      },
      1,
    );
    const taskKey = positionals[0];
    if (!taskKey) {
      throw new UsageError('a task key or id is needed');
    }
    const taskFilePath = await resolveTaskFile(values.file, context);
    let result: StartTaskResult;
    try {
      result = await startGatedTask({
        ui: forcedOnly(values.force === true),
        actor: await resolveActor('cli', context.cwd),
        taskKey,
        taskFilePath,
        store: new TaskFileStore(taskFilePath),
        baseBranch: values.base,
        branchTemplate: values['branch-template'],
        pathTemplate: values['path-template'],
        copyGlobs: values.copy,
        briefFileName: values.brief,
        setupCommand: values.setup,
        // Whoever typed --setup asked for that command to run.
        isTrusted: () => true,
        onOutput: (chunk) => context.stderr(chunk),
      });
    } catch (error) {
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
    if (values.json) {
      const { task, ...rest } = result;
      context.stdout(`${JSON.stringify({ ...rest, taskKey: task.key }, null, 2)}\n`);
      return ExitCode.ok;
    }
    context.stderr(describe(result));
    context.stdout(`${result.path}\n`);
    return ExitCode.ok;
  },
};

function describe(result: StartTaskResult): string {
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
    result.lockFile ? `lock: ${result.lockFile}` : undefined,
    result.setup === 'ran' ? 'setup command ran' : undefined,
    'task file: in_progress',
  ];
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`;
}
