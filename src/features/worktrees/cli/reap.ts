import { resolve } from 'node:path';
import type { CliContext } from '../../common/cli/command';
import { ExitCode, UsageError } from '../../common/cli/command';
import type { OpenedTaskFile } from '../../common/cli/taskFile';
import type { SettingsValues } from '../../common/cli/settings';
import type { ReapVerdict } from '../model/reapVerdict';
import { reapWorktrees } from '../reapWorktrees';
import type { RemoveWorktreeResult } from '../removeTaskWorktree';
import { restoreBackup } from '../restoreBackup';
import { cliRemoval } from './removalEffects';
import { cliBranchPullRequests } from './reapPullRequests';

export interface ReapValues extends SettingsValues {
  json?: boolean;
  'dry-run'?: boolean;
  'older-than'?: string;
  base?: string;
  force?: boolean;
}

/** `coord worktrees reap`: every worktree judged, the safe ones removed (none with --dry-run). */
export async function reapCommand(
  root: string,
  values: ReapValues,
  opened: OpenedTaskFile | undefined,
  context: CliContext,
): Promise<number> {
  const removal = await cliRemoval(values, context, opened);
  const olderThan = values['older-than'];
  const days = olderThan === undefined ? removal.settings.abandonedDays : Number(olderThan);
  if (!(Number.isFinite(days) && days > 0)) {
    throw new UsageError(`--older-than takes a number of days, not "${olderThan}"`);
  }
  const dryRun = values['dry-run'] === true;
  const report = await reapWorktrees({
    cwd: root,
    base: values.base,
    abandonedDays: days,
    model: opened?.loaded.broken ? undefined : opened?.loaded.model,
    sizes: dryRun,
    dryRun,
    pullRequests: await cliBranchPullRequests(root, values, context),
    teardown: removal.teardown,
    tasks: removal.tasks,
  });
  if (values.json) {
    context.stdout(
      `${JSON.stringify(
        {
          dryRun,
          worktrees: report.survey.verdicts.map(verdictJson),
          removed: report.removed,
          kept: report.kept,
          notes: report.survey.notes,
          reclaimedBytes: dryRun ? wouldReclaim(report.survey.verdicts) : report.reclaimedBytes,
        },
        null,
        2,
      )}\n`,
    );
    return ExitCode.ok;
  }
  for (const note of report.survey.notes) {
    context.stderr(`coord: ${note}\n`);
  }
  for (const verdict of report.survey.verdicts) {
    const size = verdict.facts.bytes === undefined ? '' : `  ${megabytes(verdict.facts.bytes)}`;
    context.stdout(
      `${verdict.safe ? 'safe ' : 'keep '} ${verdict.facts.path}  ${verdict.facts.branch ?? '(detached)'}  ${verdict.origin}  [${verdict.classes.join(', ')}]  ${verdict.why}${size}\n`,
    );
  }
  if (dryRun) {
    const safe = report.survey.verdicts.filter((verdict) => verdict.safe);
    context.stdout(
      `dry run: would remove ${safe.length} worktree(s), reclaiming about ${megabytes(wouldReclaim(safe))}\n`,
    );
    return ExitCode.ok;
  }
  for (const removed of report.removed) {
    context.stdout(`removed ${removed.path}${removedNote(removed)}\n`);
  }
  for (const kept of report.kept) {
    context.stdout(`kept ${kept.path}: ${kept.reason}\n`);
  }
  context.stdout(
    `removed ${report.removed.length} worktree(s), reclaimed about ${megabytes(report.reclaimedBytes)}\n`,
  );
  return report.kept.length > 0 ? ExitCode.failed : ExitCode.ok;
}

/** `coord worktrees restore NAME [--path DIR]`. */
export async function restoreCommand(
  root: string,
  name: string,
  path: string | undefined,
  context: CliContext,
): Promise<number> {
  const restored = await restoreBackup(root, name, {
    path: path === undefined ? undefined : resolve(context.cwd, path),
  });
  context.stdout(
    `restored ${restored.branch} at ${restored.oid.slice(0, 9)}${restored.path ? ` in ${restored.path}` : ''}\n`,
  );
  return ExitCode.ok;
}

/** The task and branch changes of one removal, as a suffix for its line. */
export function removedNote(result: RemoveWorktreeResult): string {
  const parts: string[] = [];
  if (result.teardown === 'ran') {
    parts.push('teardown ran');
  }
  if (result.backupRef) {
    parts.push(`backup ${result.backupRef}`);
  }
  if (result.branchDeleted) {
    parts.push(`deleted branch ${result.branch}`);
  } else if (result.branchKept) {
    parts.push(`kept branch ${result.branch} (${result.branchKept})`);
  }
  for (const lock of result.releasedLocks) {
    parts.push(`released ${lock}`);
  }
  for (const task of result.tasks) {
    if (task.cleared.length > 0) {
      parts.push(`cleared ${task.cleared.join(' and ')} of ${task.taskKey}`);
    }
    if (task.status) {
      parts.push(`${task.taskKey} → ${task.status}`);
    } else if (task.notCompleted) {
      // The worktree is gone, so a second remove cannot force it: say how to finish the task.
      parts.push(
        `${task.taskKey} not completed: ${task.notCompleted} (coord set ${task.taskKey} --status completed --force completes it anyway, recorded on the task)`,
      );
    }
  }
  parts.push(...result.notes);
  return parts.length > 0 ? `; ${parts.join('; ')}` : '';
}

function verdictJson(verdict: ReapVerdict) {
  return {
    ...verdict.facts,
    origin: verdict.origin,
    classes: verdict.classes,
    safe: verdict.safe,
    why: verdict.why,
  };
}

function wouldReclaim(verdicts: readonly ReapVerdict[]): number {
  return verdicts
    .filter((verdict) => verdict.safe)
    .reduce((sum, verdict) => sum + (verdict.facts.bytes ?? 0), 0);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
