import type { TaskModel } from '../../../kernel/model/types';
import { portRangeText } from '../model/portBlocks';
import { GitError, mainWorktreeRoot, pruneWorktrees } from '../../../platform/git';
import {
  forgetWorktreeEdits,
  listWorktreesWithStatus,
  measureWorktreeDiskUsage,
  removeTaskWorktree,
  tasksRecordingWorktree,
  type RecordedWorktree,
  type WorktreeInfo,
} from '..';
import { FILE_OPTION, JSON_OPTION, parseCommandArgs } from '../../common/cli/args';
import {
  CommandFailure,
  ExitCode,
  UsageError,
  type CliCommand,
  type CliContext,
} from '../../common/cli/command';
import { openTaskFile, type OpenedTaskFile } from '../../common/cli/taskFile';
import { formatBytes } from '../model/bytes';
import { resolve } from 'node:path';

export const command: CliCommand = {
  summary: 'list worktrees with task, status and ahead/behind; remove or prune them',
  usage:
    'coord worktrees [list] [--base BRANCH] [--fresh] [--disk] [--json] [--file PATH]\n' +
    '       coord worktrees remove PATH [--force] [--delete-branch] [--base BRANCH]\n' +
    '       coord worktrees prune [--dry-run]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        base: { type: 'string' },
        force: { type: 'boolean' },
        'delete-branch': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        fresh: { type: 'boolean' },
        disk: { type: 'boolean' },
      },
      2,
    );
    const [action = 'list', target] = positionals;
    const root = await mainWorktreeRoot(context.cwd);
    if (!root) {
      throw new CommandFailure(`${context.cwd} is not inside a git repository`);
    }
    try {
      switch (action) {
        case 'list':
          return await list(root, values, context);
        case 'remove': {
          if (!target) {
            throw new UsageError('remove needs the worktree path');
          }
          const removed = resolve(context.cwd, target);
          const opened = await openTaskFile(values.file, context).catch(() => undefined);
          const recorded =
            opened?.loaded.model && !opened.loaded.broken
              ? tasksRecordingWorktree(opened.loaded.model, root, removed)
              : [];
          const result = await removeTaskWorktree({
            cwd: root,
            path: removed,
            force: values.force,
            deleteMergedBranch: values['delete-branch'],
            base: values.base,
          });
          context.stdout(
            `removed ${target}${result.branchDeleted ? `; deleted branch ${result.branch}` : result.branchKept ? `; kept branch ${result.branch} (${result.branchKept})` : ''}\n`,
          );
          if (result.releasedPorts) {
            context.stderr(`released ports ${portRangeText(result.releasedPorts)}\n`);
          }
          await clearRecordedPath(opened, recorded, context);
          return ExitCode.ok;
        }
        case 'prune': {
          const pruned = await pruneWorktrees(root, { dryRun: values['dry-run'] });
          context.stdout(pruned.length > 0 ? `${pruned.join('\n')}\n` : 'nothing to prune\n');
          return ExitCode.ok;
        }
        default:
          throw new UsageError(`unknown action "${action}"`);
      }
    } catch (error) {
      if (error instanceof GitError) {
        const hint =
          error.reason === 'dirty' || error.reason === 'unpushed'
            ? ' (add --force to remove anyway)'
            : '';
        throw new CommandFailure(`${error.message}${hint}`);
      }
      throw error;
    }
  },
};

/** After the removal, against the file as it is then: a task that recorded another path since keeps it. */
async function clearRecordedPath(
  opened: OpenedTaskFile | undefined,
  recorded: readonly RecordedWorktree[],
  context: CliContext,
): Promise<void> {
  if (!opened || recorded.length === 0) {
    return;
  }
  try {
    const current = await opened.store.read();
    const edits =
      current.model && !current.broken ? forgetWorktreeEdits(current.model, recorded) : [];
    if (edits.length === 0) {
      return;
    }
    await opened.store.apply(edits);
    const keys = [...new Set(edits.flatMap((edit) => ('taskKey' in edit ? [edit.taskKey] : [])))];
    context.stdout(`cleared worktree_path of ${keys.join(', ')} in ${opened.shownPath}\n`);
  } catch (error) {
    context.stderr(
      `coord: the worktree is removed, but its path stays in ${opened.shownPath}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}

async function list(
  root: string,
  values: { file?: string; json?: boolean; base?: string; fresh?: boolean; disk?: boolean },
  context: CliContext,
): Promise<number> {
  let model: TaskModel | undefined;
  try {
    model = (await openTaskFile(values.file, context)).loaded.model;
  } catch (error) {
    if (values.file !== undefined) {
      throw error;
    }
  }
  const infos = await listWorktreesWithStatus(root, {
    model,
    base: values.base,
    fresh: values.fresh,
  });
  if (values.disk) {
    const measured = await measureWorktreeDiskUsage(root, infos, { fresh: values.fresh });
    for (const info of infos) {
      info.diskUsage = measured.get(info.path) ?? info.diskUsage;
    }
  }
  if (values.json) {
    context.stdout(`${JSON.stringify(infos, null, 2)}\n`);
    return ExitCode.ok;
  }
  for (const info of infos) {
    context.stdout(`${formatRow(info)}\n`);
  }
  return ExitCode.ok;
}

function formatRow(info: WorktreeInfo): string {
  const where =
    info.branch ??
    (info.detached ? `(detached ${info.head?.slice(0, 9) ?? ''})` : info.bare ? '(bare)' : '');
  const parts = [info.path, where];
  const keys = info.taskKeys ?? (info.taskKey ? [info.taskKey] : []);
  if (keys.length > 0) {
    parts.push(`${keys.length === 1 ? 'task' : 'tasks'} ${keys.join(', ')}`);
  }
  if (info.status) {
    parts.push(info.status.dirtyCount > 0 ? `${info.status.dirtyCount} changed` : 'clean');
  }
  if (info.aheadOfBase !== undefined) {
    parts.push(`+${info.aheadOfBase}/-${info.behindBase ?? 0} vs base`);
  }
  if (info.status?.upstream && info.status.ahead !== undefined) {
    parts.push(`+${info.status.ahead}/-${info.status.behind ?? 0} vs ${info.status.upstream}`);
  }
  if (info.lastCommit) {
    parts.push(`last commit ${age(info.lastCommit.time)} ago`);
  }
  if (info.lastActivity !== undefined) {
    parts.push(`active ${age(info.lastActivity)} ago`);
  }
  if (info.agent) {
    parts.push(`agent ${info.agent.state}`);
  }
  if (info.diskUsage) {
    parts.push(`disk ${formatBytes(info.diskUsage.bytes)}`);
  }
  if (info.main) {
    parts.push('main');
  }
  if (info.nestedIn) {
    parts.push('nested');
  }
  if (info.locked) {
    parts.push(info.locked === true ? 'locked' : `locked: ${info.locked}`);
  }
  if (info.prunable) {
    parts.push('prunable');
  }
  if (info.statusError) {
    parts.push(`status unavailable: ${info.statusError}`);
  }
  return parts.join('  ');
}

function age(epochSeconds: number): string {
  const seconds = Math.max(0, Math.round(Date.now() / 1000 - epochSeconds));
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)}m`;
  }
  if (seconds < 86400) {
    return `${Math.round(seconds / 3600)}h`;
  }
  return `${Math.round(seconds / 86400)}d`;
}
