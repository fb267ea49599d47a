import { adoptPlanEdits } from '../adoptPlanEdits';
import { pullPlan, pushPlan, PLAN_REF, type PlanSync } from '../planRef';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../../common/cli/command';
import type { OpenedTaskFile } from '../../common/cli/taskFile';
import { openTaskFile } from '../../common/cli/taskFile';

const ACTIONS = ['push', 'pull', 'adopt'];

export const command: CliCommand = {
  summary: `share the plan across machines on a ref of its own (${PLAN_REF}): push, pull; adopt a branch's plan edits`,
  usage:
    'coord plan push|pull [--remote NAME] [--json] [--file PATH]\n       coord plan adopt BRANCH [--json] [--file PATH]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { ...FILE_OPTION, ...JSON_OPTION, remote: { type: 'string' } },
      2,
    );
    const action = positionals[0] ?? '';
    if (!ACTIONS.includes(action)) {
      throw new UsageError(`say what to do with the plan: ${ACTIONS.join(', ')}`);
    }
    if ((action === 'adopt') !== (positionals.length === 2)) {
      throw new UsageError(
        action === 'adopt'
          ? 'name the branch whose plan edits to adopt'
          : `unexpected argument "${positionals[1]}"`,
      );
    }
    const opened = await openTaskFile(values.file, context);
    if (action === 'adopt') {
      return adopt(opened, positionals[1]!, values.json === true, context);
    }
    const remote = values.remote ?? 'origin';
    const sync = action === 'push' ? pushPlan : pullPlan;
    const result = await sync({ store: opened.store, remote });
    if (values.json) {
      context.stdout(`${JSON.stringify({ action, remote, ...result }, null, 2)}\n`);
      return ExitCode.ok;
    }
    context.stdout(`${describe(action, remote, opened.shownPath, result)}\n`);
    for (const decision of result.decisions) {
      context.stderr(
        `coord plan: ${decision.path ? `${decision.path}: ` : ''}${decision.message}\n`,
      );
    }
    return ExitCode.ok;
  },
};

function describe(action: string, remote: string, shown: string, result: PlanSync): string {
  const commit = result.commit?.slice(0, 12) ?? '';
  if (result.upToDate) {
    return action === 'push'
      ? `${remote} already has this plan (${commit})`
      : `${shown} already has ${remote}'s plan (${commit})`;
  }
  const merged = result.mergedRemote ? `; merged ${remote}'s changes into ${shown}` : '';
  const retried = result.retries > 0 ? ` after ${result.retries} retries` : '';
  return action === 'push'
    ? `pushed the plan to ${remote} (${commit})${retried}${merged}`
    : `merged ${remote}'s plan (${commit}) into ${shown}`;
}

async function adopt(
  opened: OpenedTaskFile,
  branch: string,
  json: boolean,
  context: CliContext,
): Promise<number> {
  const result = await adoptPlanEdits({ store: opened.store, branch });
  if (json) {
    context.stdout(`${JSON.stringify({ action: 'adopt', branch, ...result }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (result.kind === 'none') {
    context.stdout(`${branch} carries no plan edits\n`);
    return ExitCode.ok;
  }
  context.stdout(
    `moved ${branch}'s plan edits into ${opened.shownPath} and dropped them from ${branch} (${result.commit.slice(0, 12)})${result.worktree ? `, its worktree ${result.worktree} included` : ''}\n`,
  );
  for (const change of result.changes) {
    context.stdout(`  ${change.taskKey}: ${change.details.join(', ')}\n`);
  }
  if (result.createdLocal) {
    context.stdout(
      `created the local branch ${result.createdLocal} from ${branch}; push it to update its pull request\n`,
    );
  }
  for (const decision of result.decisions) {
    context.stderr(`coord plan: ${decision.path ? `${decision.path}: ` : ''}${decision.message}\n`);
  }
  return ExitCode.ok;
}
