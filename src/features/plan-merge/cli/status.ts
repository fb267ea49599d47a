import { planAcrossBranches } from '../branchPlans';
import {
  adoptCommand,
  branchesWithPlanEdits,
  type BranchWithPlanEdits,
} from '../branchesWithPlanEdits';
import type { TaskOnBranch } from '../model/branchDrift';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand } from '../../common/cli/command';
import { openTaskFile, requireModel } from '../../common/cli/taskFile';

export const command: CliCommand = {
  summary: 'the plan as every branch sees it: tasks further along on a branch than in the plan',
  usage: 'coord status --branches [--fetch] [--json] [--file PATH]',
  async run(args, context) {
    const { values } = parseCommandArgs(args, {
      ...FILE_OPTION,
      ...JSON_OPTION,
      branches: { type: 'boolean' },
      fetch: { type: 'boolean' },
    });
    if (!values.branches) {
      throw new UsageError('say what to show: --branches');
    }
    const opened = await openTaskFile(values.file, context);
    const { model } = requireModel(opened);
    const drift = await planAcrossBranches(opened.path, model, { fetch: values.fetch });
    const withEdits = await branchesWithPlanEdits(opened.path);
    const tasks = model.tasks
      .filter((task) => drift.byTask.has(task.key))
      .map((task) => ({
        taskKey: task.key,
        status: task.status,
        onBranches: drift.byTask.get(task.key)!,
      }));
    if (values.json) {
      const json = {
        branchesRead: drift.branchesRead,
        tasks,
        onlyOnBranches: drift.onlyOnBranches,
        withPlanEdits: withEdits.map((found) => ({
          branch: found.branch,
          remote: found.remote,
          taskKeys: found.changes.map((change) => change.taskKey),
          adopt: adoptCommand(found.branch),
        })),
      };
      context.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return ExitCode.ok;
    }
    if (tasks.length === 0 && drift.onlyOnBranches.length === 0) {
      context.stdout(
        `no branch is ahead of ${opened.shownPath} (${drift.branchesRead} ${drift.branchesRead === 1 ? 'branch' : 'branches'} read)\n`,
      );
      printAdoptHints(withEdits, context.stdout);
      return ExitCode.ok;
    }
    const width = Math.max(...[...tasks, ...drift.onlyOnBranches].map((t) => t.taskKey.length));
    const line = (key: string, text: string) => context.stdout(`${key.padEnd(width)}  ${text}\n`);
    for (const task of tasks) {
      line(
        task.taskKey,
        `${task.status.replace('_', ' ')} in the plan; ${summaries(task.onBranches)}`,
      );
    }
    for (const task of drift.onlyOnBranches) {
      line(task.taskKey, task.summary);
    }
    printAdoptHints(withEdits, context.stdout);
    return ExitCode.ok;
  },
};

function summaries(onBranches: readonly TaskOnBranch[]): string {
  return onBranches.map((onBranch) => onBranch.summary).join('; ');
}

/** One line per branch carrying plan edits, with the command that moves them onto the plan. */
function printAdoptHints(
  withEdits: readonly BranchWithPlanEdits[],
  print: (text: string) => void,
): void {
  for (const found of withEdits) {
    const keys = found.changes.map((change) => change.taskKey);
    print(
      `hint: ${found.branch} carries plan edits${keys.length > 0 ? ` (${keys.join(', ')})` : ''}; move them onto the plan before its pull request merges: ${adoptCommand(found.branch)}\n`,
    );
  }
}
