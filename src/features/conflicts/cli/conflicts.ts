import type { TaskModel } from '../../../kernel/model/types';
import { FILE_OPTION, HelpRequested, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { UsageError, type CliCommand, type CliContext } from '../../common/cli/command';
import { failureLine } from '../../common/cli/failureMessage';
import { openTaskFile, TaskFileNotFoundError } from '../../common/cli/taskFile';
import { forecastConflicts } from '../forecast';
import { describePair } from '../model/describe';

/** 0 all clear, 1 some pair conflicts, 2 the forecast could not be made (CI reads these). */
const Exit = { clear: 0, conflicts: 1, error: 2 } as const;

export const command: CliCommand = {
  summary: 'forecast merge conflicts between live task branches, worktrees and the base branch',
  usage: 'coord conflicts [--base BRANCH] [--json] [--file PATH]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      base: { type: 'string' },
    });
    try {
      const model = await planModel(values.file, context);
      const forecast = await forecastConflicts({ folder: context.cwd, model, base: values.base });
      const conflicts = forecast.pairs.filter((pair) => pair.verdict.status === 'conflict');
      const errors = forecast.pairs.filter((pair) => pair.verdict.status === 'error');
      if (values.json) {
        context.stdout(
          `${JSON.stringify({ conflicts: conflicts.length > 0, ...forecast }, null, 2)}\n`,
        );
      } else {
        const lines = [
          `base ${forecast.base}; ${forecast.branches.length} live branch${forecast.branches.length === 1 ? '' : 'es'}; ${forecast.pairs.length} pair${forecast.pairs.length === 1 ? '' : 's'} merged, ${forecast.disjointPairs} clean without a merge (no file in common)`,
          ...forecast.pairs.map(describePair),
          ...forecast.notes.map((note) => `note: ${note}`),
          conflicts.length > 0
            ? `${conflicts.length} pair${conflicts.length === 1 ? '' : 's'} would conflict`
            : 'no conflicts forecast',
        ];
        context.stdout(`${lines.join('\n')}\n`);
      }
      if (errors.length > 0) {
        return Exit.error;
      }
      return conflicts.length > 0 ? Exit.conflicts : Exit.clear;
    } catch (error) {
      if (error instanceof UsageError || error instanceof HelpRequested) {
        throw error;
      }
      context.stderr(`coord: ${error instanceof Error ? failureLine(error) : String(error)}\n`);
      return Exit.error;
    }
  },
};

/** The plan when there is one: without it, worktree branches are still compared. */
async function planModel(
  file: string | undefined,
  context: CliContext,
): Promise<TaskModel | undefined> {
  try {
    return (await openTaskFile(file, context)).loaded.model;
  } catch (error) {
    if (error instanceof TaskFileNotFoundError && file === undefined) {
      return undefined;
    }
    throw error;
  }
}
