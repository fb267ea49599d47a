import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, type CliCommand } from '../../common/cli/command';
import { countBySeverity, formatDiagnostic } from '../../common/cli/print/diagnostics';
import { openTaskFile } from '../../common/cli/taskFile';

export const command: CliCommand = {
  summary: 'check the task file; prints file:line:col: severity: message, exit 1 on errors',
  usage: 'coord validate [--json] [--file PATH]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, { ...FILE_OPTION, ...JSON_OPTION });
    const opened = await openTaskFile(values.file, context);
    const diagnostics = opened.loaded.diagnostics;
    const { errors, warnings } = countBySeverity(diagnostics);
    if (values.json) {
      context.stdout(
        `${JSON.stringify({ file: opened.path, errors, warnings, diagnostics }, null, 2)}\n`,
      );
    } else {
      for (const diagnostic of diagnostics) {
        context.stdout(`${formatDiagnostic(opened.shownPath, diagnostic)}\n`);
      }
      const tasks = opened.loaded.model?.tasks.length;
      context.stderr(
        `${opened.shownPath}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
          `${tasks === undefined ? '' : `, ${tasks} tasks`}\n`,
      );
    }
    return errors > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
