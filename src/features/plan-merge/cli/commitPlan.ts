import { isAbsolute, relative, resolve } from 'node:path';
import { SETTINGS } from '../../../kernel/config/settingsTable';
import { commitPlan } from '../commitPlan';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { CommandFailure, ExitCode, type CliCommand } from '../../common/cli/command';
import { cliSettings, SETTINGS_OPTIONS } from '../../common/cli/settings';
import { openTaskFile } from '../../common/cli/taskFile';
import { planFileInRepo } from '../planFileInRepo';

export const command: CliCommand = {
  summary: 'commit the task file alone on the current branch, leaving your staged changes staged',
  usage:
    'coord commit-plan [-m SUBJECT] [--with-snapshots] [--json] [--file PATH] [--workspace FILE] [--trusted]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      ...SETTINGS_OPTIONS,
      message: { type: 'string', short: 'm' },
      'with-snapshots': { type: 'boolean' },
    });
    const opened = await openTaskFile(values.file, context);
    let snapshotsFolder: string | undefined;
    if (values['with-snapshots']) {
      const { root } = await planFileInRepo(opened.path);
      const settings = await cliSettings(values, context, { reads: ['snapshots.'], from: root });
      const configured = settings.get('snapshots.folder');
      const folder =
        typeof configured === 'string' && configured.trim()
          ? configured.trim()
          : SETTINGS['snapshots.folder'].default;
      const inRepo = relative(root, resolve(root, folder));
      if (inRepo.startsWith('..') || isAbsolute(inRepo)) {
        throw new CommandFailure(`the snapshots folder ${folder} is outside the repository`);
      }
      snapshotsFolder = inRepo.split('\\').join('/');
    }
    const result = await commitPlan({
      store: opened.store,
      subject: values.message,
      snapshotsFolder,
    });
    if (values.json) {
      context.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return ExitCode.ok;
    }
    if (result.kind === 'nothing') {
      context.stdout(`nothing to commit: ${opened.shownPath} is as HEAD has it\n`);
      return ExitCode.ok;
    }
    const where = result.branch ?? 'a detached HEAD';
    context.stdout(
      `committed ${result.files.join(', ')} on ${where} (${result.commit.slice(0, 12)})\n`,
    );
    context.stdout(result.message.replace(/^/gm, '  '));
    for (const path of result.stagedLeftAlone) {
      context.stderr(
        `coord commit-plan: you had staged another version of ${path}; it is still staged (git restore --staged ${path} drops it)\n`,
      );
    }
    return ExitCode.ok;
  },
};
