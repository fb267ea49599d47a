import type { WorktreeStatus } from '../../../kernel/git/worktreeTypes';

/**
 * What the listing keeps between runs (in the local state folder, never in the plan): per worktree
 * the change counts with the fingerprint they were read under, per commit its summary and the
 * folders of its tree, per pair of commits the ahead/behind counts, and the disk usage measured.
 */
export const STATUS_CACHE_VERSION = 1;

/** What must be unchanged for a worktree's cached change counts to hold. */
export interface WorktreeFingerprint {
  head?: string;
  branch?: string;
  /** `mtime:size:ino` of the worktree's index, or `-` when it has none. */
  index: string;
  /** Digest of the modification times of the worktree's folders (see `folderStamps`). */
  folders: string;
}

export interface CachedWorktree {
  fingerprint: WorktreeFingerprint;
  changes: WorktreeStatus;
  /** When the change counts were read, ms since the epoch. */
  checkedAt: number;
  /** The newest folder or index time seen then (see `settledBefore`). */
  newestMs: number;
  disk?: CachedDiskUsage;
}

export interface CachedDiskUsage {
  bytes: number;
  /** ms since the epoch. */
  measuredAt: number;
  /** The fingerprint's folder digest when measured: a new or removed file measures again. */
  folders: string;
}

export interface CachedCommit {
  time: number;
  subject: string;
  /** Key into `folderSets`: most commits of one repository share the same folders. */
  folderSet?: string;
}

export interface StatusCache {
  version: typeof STATUS_CACHE_VERSION;
  worktrees: Record<string, CachedWorktree>;
  commits: Record<string, CachedCommit>;
  folderSets: Record<string, string[]>;
  /** `ahead/behind` of `head` against `other`, keyed by `pairKey`. */
  counts: Record<string, { ahead: number; behind: number }>;
}

export function emptyStatusCache(): StatusCache {
  return { version: STATUS_CACHE_VERSION, worktrees: {}, commits: {}, folderSets: {}, counts: {} };
}

/** A cache read back from disk, or an empty one for anything not written by this version. */
export function parseStatusCache(text: string): StatusCache {
  try {
    const value = JSON.parse(text) as Partial<StatusCache> | null;
    if (
      value &&
      value.version === STATUS_CACHE_VERSION &&
      isRecord(value.worktrees) &&
      isRecord(value.commits) &&
      isRecord(value.folderSets) &&
      isRecord(value.counts)
    ) {
      return value as StatusCache;
    }
  } catch {
    // A half-written or foreign file is as good as no cache.
  }
  return emptyStatusCache();
}

export function sameFingerprint(a: WorktreeFingerprint, b: WorktreeFingerprint): boolean {
  return (
    a.head === b.head && a.branch === b.branch && a.index === b.index && a.folders === b.folders
  );
}

/**
 * File systems keep times in ticks (a few ms on ext4, 1 or 2 s on some others): a folder changed in
 * the same tick as it was stamped would keep its stamp. So a cached answer is trusted only when
 * every stamp it rests on was at least this much older than the answer.
 */
export const RACY_STAMP_MS = 2000;

/** Whether nothing the cached answer rests on moved in the last moments before it was read. */
export function settledBefore(entry: CachedWorktree): boolean {
  return typeof entry.newestMs === 'number' && entry.newestMs < entry.checkedAt - RACY_STAMP_MS;
}

export function pairKey(head: string, other: string): string {
  return `${head}...${other}`;
}

/**
 * The cache to write after a listing: only the worktrees, commits, folder sets and pairs the
 * listing used, so entries of removed worktrees and old commits do not pile up.
 */
export function prunedStatusCache(
  cache: StatusCache,
  used: { paths: Iterable<string>; commits: Iterable<string>; pairs: Iterable<string> },
): StatusCache {
  const next = emptyStatusCache();
  for (const path of used.paths) {
    const entry = cache.worktrees[path];
    if (entry) {
      next.worktrees[path] = entry;
    }
  }
  for (const oid of used.commits) {
    const commit = cache.commits[oid];
    if (commit) {
      next.commits[oid] = commit;
      const set = commit.folderSet && cache.folderSets[commit.folderSet];
      if (commit.folderSet && set) {
        next.folderSets[commit.folderSet] = set;
      }
    }
  }
  for (const key of used.pairs) {
    const count = cache.counts[key];
    if (count) {
      next.counts[key] = count;
    }
  }
  return next;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
