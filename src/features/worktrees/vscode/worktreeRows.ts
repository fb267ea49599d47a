import { basename } from 'node:path';
import type { WorktreeInfo } from '../list';
import { formatBytes } from '../model/bytes';

/**
 * How a worktree row reads, without vscode so it can be tested plainly: the state that picks its
 * icon, the one-line description, the tooltip lines and the `contextValue` flags menus match.
 */
export type WorktreeState = 'prunable' | 'locked' | 'dirty' | 'main' | 'task' | 'plain';

export function worktreeState(info: WorktreeInfo): WorktreeState {
  if (info.prunable) {
    return 'prunable';
  }
  if (info.locked) {
    return 'locked';
  }
  if ((info.status?.dirtyCount ?? 0) > 0) {
    return 'dirty';
  }
  if (info.main) {
    return 'main';
  }
  return info.taskKey ? 'task' : 'plain';
}

/** The row's label: the folder name (the main worktree says so). */
export function worktreeLabel(info: WorktreeInfo): string {
  return basename(info.path) || info.path;
}

/** `branch · dirty n · ↑a ↓b · 3h ago`; parts without data are left out. `loading` while status is being read. */
export function worktreeDescription(
  info: WorktreeInfo,
  nowSeconds: number,
  loading: boolean,
): string {
  const parts = [headText(info)];
  if (info.prunable) {
    parts.push('prunable');
    return parts.join(' · ');
  }
  if (info.locked) {
    parts.push('locked');
  }
  if (loading && !info.status) {
    parts.push('…');
    return parts.join(' · ');
  }
  const dirty = info.status?.dirtyCount ?? 0;
  if (dirty > 0) {
    parts.push(`dirty ${dirty}`);
  }
  if (
    info.aheadOfBase !== undefined &&
    info.behindBase !== undefined &&
    (info.aheadOfBase > 0 || info.behindBase > 0)
  ) {
    parts.push(`↑${info.aheadOfBase} ↓${info.behindBase}`);
  }
  const active = activityTime(info);
  if (active !== undefined) {
    parts.push(ageText(nowSeconds - active));
  }
  if (info.diskUsage) {
    parts.push(formatBytes(info.diskUsage.bytes));
  }
  if (info.statusError) {
    parts.push('status unavailable');
  }
  return parts.join(' · ');
}

/** Every field, one per line, for the tooltip. */
export function worktreeTooltipLines(
  info: WorktreeInfo,
  taskName: string | undefined,
  base: string | undefined,
  nowSeconds: number,
): string[] {
  const lines = [`Path: ${info.path}`];
  lines.push(info.main ? 'Main worktree' : 'Linked worktree');
  if (info.nestedIn) {
    lines.push(`Nested inside: ${info.nestedIn}`);
  }
  lines.push(
    `Branch: ${info.branch ?? (info.detached ? '(detached HEAD)' : info.bare ? '(bare)' : '(none)')}`,
  );
  if (info.head) {
    lines.push(`HEAD: ${info.head.slice(0, 12)}`);
  }
  if (info.taskKey) {
    lines.push(`Task: ${taskName ? `${taskName} (${info.taskKey})` : info.taskKey}`);
  }
  const sharing = (info.taskKeys ?? []).filter((key) => key !== info.taskKey);
  if (sharing.length > 0) {
    lines.push(`Shared with: ${sharing.join(', ')}`);
  }
  if (info.status) {
    const s = info.status;
    lines.push(
      `Changes: ${s.dirtyCount} file(s) (staged ${s.staged}, unstaged ${s.unstaged}, untracked ${s.untracked}, conflicted ${s.conflicted})`,
    );
    if (s.upstream) {
      lines.push(`Upstream: ${s.upstream} (ahead ${s.ahead ?? 0}, behind ${s.behind ?? 0})`);
    }
  }
  if (info.aheadOfBase !== undefined && info.behindBase !== undefined) {
    lines.push(
      `Against ${base ?? 'the base'}: ${info.aheadOfBase} ahead, ${info.behindBase} behind`,
    );
  }
  if (info.lastCommit) {
    lines.push(
      `Last commit: ${info.lastCommit.subject} (${ageText(nowSeconds - info.lastCommit.time)})`,
    );
  }
  if (info.lastActivity !== undefined) {
    lines.push(`Last activity: ${ageText(nowSeconds - info.lastActivity)}`);
  }
  if (info.agent) {
    lines.push(
      `Agent: ${info.agent.agent} ${info.agent.state.replace('_', ' ')} (${ageText(nowSeconds - Date.parse(info.agent.at) / 1000)})${info.agent.message ? `: ${info.agent.message}` : ''}`,
    );
  }
  if (info.diskUsage) {
    lines.push(
      `Disk: ${formatBytes(info.diskUsage.bytes)} (measured ${ageText(nowSeconds - info.diskUsage.measuredAt / 1000)})`,
    );
  }
  if (info.locked) {
    lines.push(info.locked === true ? 'Locked' : `Locked: ${info.locked}`);
  }
  if (info.prunable) {
    lines.push(`Prunable: ${info.prunable}`);
  }
  if (info.statusError) {
    lines.push(`Status could not be read: ${info.statusError}`);
  }
  return lines;
}

/**
 * `worktree;main;` / `worktree;linked;hasTask;dirty;...`: always starts with `worktree;` and ends
 * with `;` so menus match flags as `;flag;`. `removable` marks linked worktrees.
 */
export function worktreeContextValue(info: WorktreeInfo): string {
  const flags = ['worktree', info.main ? 'main' : 'linked'];
  if (!info.main && !info.bare) {
    flags.push('removable');
  }
  if (info.taskKey) {
    flags.push('hasTask');
  }
  if ((info.status?.dirtyCount ?? 0) > 0) {
    flags.push('dirty');
  }
  if (info.locked) {
    flags.push('locked');
  }
  if (info.prunable) {
    flags.push('prunable');
  } else if (!info.bare) {
    flags.push('onDisk');
  }
  return `${flags.join(';')};`;
}

export function ageText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return 'just now';
  }
  const units: [number, string][] = [
    [365 * 86400, 'y'],
    [30 * 86400, 'mo'],
    [7 * 86400, 'w'],
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  for (const [size, unit] of units) {
    if (s >= size) {
      return `${Math.floor(s / size)}${unit} ago`;
    }
  }
  return 'just now';
}

/** The last commit's time, or the last activity when that is more than a minute newer. */
function activityTime(info: WorktreeInfo): number | undefined {
  const commit = info.lastCommit?.time;
  const activity = info.lastActivity;
  if (activity !== undefined && (commit === undefined || activity - commit >= 60)) {
    return activity;
  }
  return commit;
}

function headText(info: WorktreeInfo): string {
  if (info.branch) {
    return info.branch;
  }
  if (info.bare) {
    return '(bare)';
  }
  return info.head ? `detached ${info.head.slice(0, 7)}` : '(no commits)';
}
