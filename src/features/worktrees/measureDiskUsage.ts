import { mapWithLimit } from './concurrency';
import { diskUsage } from '../../platform/files/diskUsage';
import type { WorktreeDiskUsage, WorktreeInfo } from './list';
import { readStatusCache, statusCachePath, writeStatusCache } from './statusCacheFile';

export interface DiskUsageRunOptions {
  /** Worktrees measured at once; default 2 (the walk is disk-bound, and listing must stay quick). */
  concurrency?: number;
  /** A measure older than this is taken again even when no file was added or removed; default 30 minutes. */
  maxAgeMs?: number;
  /** Measure every worktree, cached or not. */
  fresh?: boolean;
  /** Called with each worktree's usage as it is measured. */
  onMeasured?: (path: string, usage: WorktreeDiskUsage) => void;
  signal?: AbortSignal;
}

export const DEFAULT_DISK_USAGE_MAX_AGE_MS = 30 * 60 * 1000;

/**
 * Measures the disk taken by each listed worktree whose cached measure is missing, older than
 * `maxAgeMs`, or taken before a file was added or removed (its folder digest moved), and records
 * the results in the listing cache. Call it after `listWorktreesWithStatus`, in the background:
 * it is cancellable through `signal` (the measures finished by then are still recorded).
 */
export async function measureWorktreeDiskUsage(
  mainRoot: string,
  infos: readonly WorktreeInfo[],
  options: DiskUsageRunOptions = {},
): Promise<Map<string, WorktreeDiskUsage>> {
  const cachePath = await statusCachePath(mainRoot, options.signal);
  const cache = await readStatusCache(cachePath);
  const maxAge = options.maxAgeMs ?? DEFAULT_DISK_USAGE_MAX_AGE_MS;
  const now = Date.now();
  const measured = new Map<string, WorktreeDiskUsage>();
  const due = infos.filter((info) => {
    if (info.bare || info.prunable || info.statusError) {
      return false;
    }
    const entry = cache.worktrees[info.path];
    const disk = entry?.disk;
    return (
      options.fresh ||
      !disk ||
      now - disk.measuredAt >= maxAge ||
      disk.folders !== entry.fingerprint.folders
    );
  });
  let failure: unknown;
  await mapWithLimit(due, options.concurrency ?? 2, async (info) => {
    if (failure !== undefined || options.signal?.aborted) {
      return;
    }
    try {
      const bytes = await diskUsage(info.path, { signal: options.signal });
      const usage = { bytes, measuredAt: Date.now() };
      measured.set(info.path, usage);
      options.onMeasured?.(info.path, usage);
    } catch (error) {
      failure ??= error;
    }
  });
  if (measured.size > 0) {
    // Re-read: a listing may have written the cache while the walk ran.
    const latest = await readStatusCache(cachePath);
    for (const [path, usage] of measured) {
      const entry = latest.worktrees[path];
      if (entry) {
        entry.disk = { ...usage, folders: entry.fingerprint.folders };
      }
    }
    await writeStatusCache(cachePath, latest);
  }
  if (failure !== undefined) {
    throw failure;
  }
  options.signal?.throwIfAborted();
  return measured;
}
