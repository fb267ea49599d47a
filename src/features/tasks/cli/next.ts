import { externalPrerequisites } from '../../../kernel/model/graph';
import { reviewColumn, reviewLegend } from './list';
import { whyLater } from '../../conflicts/model/rankByOverlap';
import { nextReadyTasks } from '../../conflicts/model/nextReady';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, type CliCommand } from '../../common/cli/command';
import { formatTable } from '../../common/cli/print/table';
import { taskJson } from '../model/taskJson';
import { openTaskFile, requireModel } from '../../common/cli/taskFile';

export const command: CliCommand = {
  summary:
    'ready tasks (not started, every task dependency completed) by priority and phase; those whose files overlap a task in progress last',
  usage: 'coord next [--owner NAME] [--json] [--file PATH]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      owner: { type: 'string' },
    });
    const opened = await openTaskFile(values.file, context);
    const { model, graph } = requireModel(opened);
    const ranked = nextReadyTasks(model, graph, values.owner);
    if (values.json) {
      context.stdout(
        `${JSON.stringify({ file: opened.path, tasks: ranked.map(({ task, overlaps, waitsFor }) => ({ ...taskJson(model, graph, task), overlaps, waitsFor })) }, null, 2)}\n`,
      );
      return ExitCode.ok;
    }
    if (ranked.length === 0) {
      context.stdout('no ready tasks\n');
      return ExitCode.ok;
    }
    // The column appears only when some ready task collides with work in progress.
    const anyOverlap = ranked.some((entry) => whyLater(entry) !== '');
    context.stdout(
      formatTable(
        [
          { header: 'KEY', max: 24 },
          { header: 'NAME', max: 32, flexible: true },
          { header: 'OWNER', max: 16, flexible: true },
          { header: 'PRIORITY', max: 8 },
          { header: 'EST', max: 6 },
          { header: 'PHASE', max: 8 },
          { header: 'CR', max: 3 },
          { header: 'NEEDS (EXTERNAL)', max: 32, flexible: true },
          ...(anyOverlap ? [{ header: 'WHY LATER', max: 64, flexible: true }] : []),
        ],
        ranked.map(({ task, ...why }) => [
          task.key,
          task.name,
          task.owner,
          task.priority ?? '',
          task.estimate ? `${task.estimate.hours}h` : '',
          task.phase ?? '',
          reviewColumn(task),
          externalPrerequisites(graph, task.key).join(', '),
          ...(anyOverlap ? [whyLater(why)] : []),
        ]),
      ),
    );
    context.stdout(reviewLegend(ranked.map(({ task }) => task)));
    return ExitCode.ok;
  },
};
