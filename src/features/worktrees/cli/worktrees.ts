import type { TaskModel } from '../../../kernel/model/types';
import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import { portRangeText } from '../model/portBlocks';
import { GitError, mainWorktreeRoot, pruneWorktrees } from '../../../platform/git';
import {
  listWorktreesWithStatus,
  measureWorktreeDiskUsage,
  removeTaskWorktree,
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
import { SETTINGS_OPTIONS } from '../../common/cli/settings';
import { openTaskFile } from '../../common/cli/taskFile';
import { formatBytes } from '../model/bytes';
import { resolve } from 'node:path';
import { prepareCommand } from './prepare';
import { reapCommand, removedNote, restoreCommand } from './reap';
import { cliRemoval } from './removalEffects';

export const command: CliCommand = {
  summary:
    'list worktrees with task, status and ahead/behind; prepare, remove, reap, restore or prune them',
  usage:
    'coord worktrees [list] [--base BRANCH] [--fresh] [--disk] [--json] [--file PATH]\n' +
    '       coord worktrees remove PATH [--force] [--delete-branch] [--base BRANCH]\n' +
    '       coord worktrees reap [--dry-run] [--json] [--older-than DAYS] [--base BRANCH]\n' +
    '       coord worktrees restore BRANCH [--path DIR]\n' +
    '       coord worktrees prune [--dry-run]\n' +
    '       coord worktrees prepare PATH [--json]\n' +
    '  prepare gives a worktree made by hand or by another tool the folders of\n' +
    '  coordinator.worktrees.sharedDependencies from the main checkout, as coord start does (the\n' +
    '  setup command, trusted repositories only, runs when a folder is left to it, with the\n' +
    '  environment of the task worked there, as coord env prints it);\n' +
    "  remove and reap run the repository's .coordinator/teardown, then\n" +
    "  coordinator.worktrees.teardownCommand, with the task's environment (trusted repositories\n" +
    "  only; --trusted or COORD_TRUSTED=1), release the task lock, clear the task's worktree and\n" +
    '  branch and move its status; reap removes only worktrees that are clean, unlocked and used\n' +
    '  by no process and are merged, abandoned, or whose pull request was merged or closed (asked\n' +
    '  of GitHub with the token coord pr uses), keeping refs/coordinator/backup/<branch> for\n' +
    '  unpushed commits',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        ...FILE_OPTION,
        ...JSON_OPTION,
        ...SETTINGS_OPTIONS,
        base: { type: 'string' },
        path: { type: 'string' },
        'older-than': { type: 'string' },
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
          const opened = await openTaskFile(values.file, context).catch(() => undefined);
          const removal = await cliRemoval(values, context, opened);
          const result = await removeTaskWorktree({
            cwd: root,
            path: resolve(context.cwd, target),
            force: values.force,
            deleteMergedBranch: values['delete-branch'],
            base: values.base,
            teardown: removal.teardown,
            tasks: removal.tasks,
          });
          context.stdout(`removed ${target}${removedNote(result)}\n`);
          if (result.releasedPorts) {
            context.stderr(`released ports ${portRangeText(result.releasedPorts)}\n`);
          }
          return ExitCode.ok;
        }
        case 'reap': {
          const opened = await openTaskFile(values.file, context).catch(() => undefined);
          return await reapCommand(root, values, opened, context);
        }
        case 'restore': {
          if (!target) {
            throw new UsageError('restore needs the branch name of a backup');
          }
          return await restoreCommand(root, target, values.path, context);
        }
        case 'prepare': {
          if (!target) {
            throw new UsageError('prepare needs the worktree path');
          }
          return await prepareCommand(root, target, values, context);
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
      if (CoordinatorError.is(error, 'teardownFailed')) {
        throw new CommandFailure(`${error.message} (add --force to remove anyway)`);
      }
      if (CoordinatorError.is(error) && error.code !== 'usage') {
        throw new CommandFailure(error.message);
      }
      throw error;
    }
  },
};

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
