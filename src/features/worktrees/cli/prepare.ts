import { resolve } from 'node:path';
import { ExitCode, type CliContext } from '../../common/cli/command';
import { cliSettings, type SettingsValues } from '../../common/cli/settings';
import { sharingLine } from '../model/sharedDependencies';
import { readWorktreeSettings } from '../model/settings';
import { prepareWorktree } from '../prepareWorktree';
import { openTaskFile } from '../../common/cli/taskFile';

/**
 * `coord worktrees prepare PATH`: the shared dependencies of a worktree Start Task did not make,
 * prepared from the main checkout as a start prepares them, by the main checkout's settings.
 */
export async function prepareCommand(
  root: string,
  target: string,
  values: SettingsValues & { json?: boolean; file?: string },
  context: CliContext,
): Promise<number> {
  const settings = readWorktreeSettings(
    (await cliSettings(values, context, { reads: ['worktrees.'], from: root })).get,
  );
  const setupCommand = settings.setupCommand.trim();
  // Without a readable plan the worktree is prepared all the same, only without a task's ports.
  const model = (await openTaskFile(values.file, context).catch(() => undefined))?.loaded.model;
  const prepared = await prepareWorktree({
    cwd: root,
    worktreePath: resolve(context.cwd, target),
    folders: settings.sharedDependencies,
    setupCommand,
    // A setup command from the repository's settings is only here when the repository is trusted.
    isTrusted: () => true,
    onOutput: (chunk) => context.stderr(chunk),
    plan: model && { model, settings },
  });
  if (values.json) {
    context.stdout(`${JSON.stringify(prepared, null, 2)}\n`);
    return ExitCode.ok;
  }
  const lines =
    prepared.shared.length === 0
      ? ['nothing to prepare: coordinator.worktrees.sharedDependencies names no folder']
      : prepared.shared.map((shared) => `shared: ${sharingLine(shared, setupCommand !== '')}`);
  if (prepared.setup === 'ran') {
    lines.push(
      prepared.task
        ? `setup command ran with the environment of ${prepared.task} (coord env ${prepared.task})`
        : 'setup command ran',
    );
  }
  context.stdout(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}
