import { dirname } from 'node:path';
import { settingsReader } from '../../../kernel/config/readSettings';
import type { TaskModel } from '../../../kernel/model/types';
import type { CliContext } from '../../common/cli/command';
import { cliSettings, type SettingsValues } from '../../common/cli/settings';
import { commitPlanOnStatusChange, planAutoCommitLine } from '../commitPlanOnStatusChange';
import { statusesChanged } from '../model/planAutoCommit';

export interface CommitPlanAfterChange {
  /** The command's name, for its lines (`coord set`). */
  name: string;
  taskFilePath: string;
  before: TaskModel | undefined;
  after: TaskModel | undefined;
  values: SettingsValues;
  context: CliContext;
  /** The command's stdout is data (JSON, a path to `cd` to), so its line goes to stderr. */
  stdoutIsData: boolean;
}

/**
 * After a command changed the plan: commits it when `coordinator.plan.commitOnStatusChange` asks
 * (the shared use case decides), and says so in one line. A failed commit is one line on stderr;
 * the command's change stands and its exit code is unchanged.
 */
export async function commitPlanAfterChange(request: CommitPlanAfterChange): Promise<void> {
  const { context } = request;
  // Settings and trust are read only for a status change: most edits are not one.
  if (!statusesChanged(request.before, request.after)) {
    return;
  }
  const settings = await cliSettings(request.values, context, {
    reads: ['plan.'],
    from: dirname(request.taskFilePath),
  });
  const outcome = await commitPlanOnStatusChange({
    taskFilePath: request.taskFilePath,
    before: request.before,
    after: request.after,
    settings: settingsReader(settings.get),
    trusted: settings.trusted,
  });
  const line = planAutoCommitLine(outcome);
  if (!line) {
    return;
  }
  if (outcome.kind === 'committed' && !request.stdoutIsData) {
    context.stdout(`${line}\n`);
  } else {
    context.stderr(`${request.name}: ${line}\n`);
  }
}
