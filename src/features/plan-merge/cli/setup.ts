import { relative } from 'node:path';
import { setupMergeDriver } from '../setupMergeDriver';
import { FILE_OPTION, parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { currentCoordLauncher } from '../../common/cli/launcher';
import { resolveTaskFile } from '../../common/cli/taskFile';

const TARGETS = ['merge-driver'];

export const command: CliCommand = {
  summary: 'set up repository integrations: merge-driver (structural merge of the task file)',
  usage: 'coord setup merge-driver [--file PATH]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, FILE_OPTION, 1);
    if (!TARGETS.includes(positionals[0] ?? '')) {
      throw new UsageError(`say what to set up: ${TARGETS.join(', ')}`);
    }
    const taskFile = await resolveTaskFile(values.file, context);
    let setup;
    try {
      setup = await setupMergeDriver(context.cwd, taskFile, currentCoordLauncher());
    } catch (error) {
      throw new CommandFailure(error instanceof Error ? error.message : String(error));
    }
    const attributes = relative(context.cwd, setup.attributesFile) || setup.attributesFile;
    context.stdout(
      setup.addedLine
        ? `added "${setup.addedLine}" to ${attributes}: commit it so every clone merges ${setup.taskFilePath} structurally\n`
        : `${attributes} already gives ${setup.taskFilePath} the merge driver\n`,
    );
    context.stdout(
      `wrote merge.coord-plan.driver to this repository's git config (each clone runs coord setup merge-driver once: git does not share its config)\n`,
    );
    return ExitCode.ok;
  },
};
