import {
  parseLeftRightCount,
  parseStatusV2,
  parseStatusV2Z,
} from '../../kernel/git/statusPorcelain';
import type { WorktreeStatus } from '../../kernel/git/worktreeTypes';
import { runGit } from './exec';

/** `git status --porcelain=v2 --branch` of one worktree, without taking its index lock. */
export async function worktreeStatus(path: string, signal?: AbortSignal): Promise<WorktreeStatus> {
  const result = await runGit(
    [
      'status',
      '--porcelain=v2',
      '--branch',
      '--untracked-files=normal',
      '--ignore-submodules=dirty',
    ],
    {
      cwd: path,
      signal,
      readOnly: true,
    },
  );
  return parseStatusV2(result.stdout);
}

/** Commits `head` has that `base` lacks (ahead) and the reverse (behind). */
export async function aheadBehind(
  cwd: string,
  base: string,
  head = 'HEAD',
  signal?: AbortSignal,
): Promise<{ ahead: number; behind: number }> {
  const result = await runGit(
    ['rev-list', '--left-right', '--count', '--end-of-options', `${base}...${head}`],
    { cwd, signal, readOnly: true },
  );
  const { left, right } = parseLeftRightCount(result.stdout);
  return { ahead: right, behind: left };
}

export interface CommitSummary {
  oid: string;
  /** Committer time in seconds since the epoch. */
  time: number;
  subject: string;
}

/** The commit at HEAD of a worktree; undefined on a branch with no commits. */
export async function lastCommit(
  path: string,
  signal?: AbortSignal,
): Promise<CommitSummary | undefined> {
  const result = await runGit(['log', '-1', '--format=%H%x00%ct%x00%s', 'HEAD', '--'], {
    cwd: path,
    signal,
    readOnly: true,
    okExitCodes: [128],
  });
  if (result.exitCode !== 0) {
    return undefined;
  }
  const [oid = '', time = '0', subject = ''] = result.stdout.replace(/\n$/, '').split('\0');
  return oid ? { oid, time: Number(time), subject } : undefined;
}

/** Summaries of several commits in one git call, keyed by full oid; unknown oids are left out. */
export async function commitSummaries(
  cwd: string,
  oids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, CommitSummary>> {
  const summaries = new Map<string, CommitSummary>();
  const valid = [...new Set(oids)].filter((oid) => /^[0-9a-f]{40,64}$/.test(oid));
  if (valid.length === 0) {
    return summaries;
  }
  const result = await runGit(
    [
      'log',
      '--no-walk=unsorted',
      '--format=%H%x00%ct%x00%s%x00',
      '--end-of-options',
      ...valid,
      '--',
    ],
    {
      cwd,
      signal,
      readOnly: true,
    },
  );
  const fields = result.stdout.split('\0');
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const oid = (fields[i] ?? '').trim();
    summaries.set(oid, { oid, time: Number(fields[i + 1]), subject: fields[i + 2] ?? '' });
  }
  return summaries;
}

/** Commits on the worktree's HEAD that neither `base` nor any remote-tracking branch has: work that removal would strand. */
export async function unpushedCount(
  path: string,
  base: string,
  signal?: AbortSignal,
): Promise<number> {
  const result = await runGit(
    ['rev-list', '--count', 'HEAD', '--not', '--remotes', '--end-of-options', base, '--'],
    {
      cwd: path,
      signal,
      readOnly: true,
    },
  );
  return Number(result.stdout.trim());
}

/**
 * The change counts of one worktree, the cheapest way git gives them: `-z`, no branch header (its
 * ahead/behind walk is done once per distinct pair by the caller), untracked files but not the
 * files inside untracked folders, and no index lock.
 */
export async function worktreeChangeCounts(
  path: string,
  signal?: AbortSignal,
): Promise<WorktreeStatus> {
  const result = await runGit(
    ['status', '--porcelain=v2', '-z', '--untracked-files=normal', '--ignore-submodules=dirty'],
    { cwd: path, signal, readOnly: true },
  );
  return parseStatusV2Z(result.stdout);
}
