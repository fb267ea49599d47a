import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../platform/files/atomicWrite';
import { gitCommonDir } from '../../platform/git';
import { emptyStatusCache, parseStatusCache, type StatusCache } from './model/statusCache';

/** The listing cache of a repository: `<git common dir>/coordinator/worktree-status.json`. */
export async function statusCachePath(cwd: string, signal?: AbortSignal): Promise<string> {
  return join(await gitCommonDir(cwd, signal), 'coordinator', 'worktree-status.json');
}

/** The cache as last written, or an empty one when there is none or it does not parse. */
export async function readStatusCache(path: string): Promise<StatusCache> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? emptyStatusCache() : parseStatusCache(text);
}

/**
 * Writes the cache whole (temp file and rename, so a reader never sees half of it). Two listings
 * writing at once leave one of their caches, which is as good as the other.
 */
export async function writeStatusCache(path: string, cache: StatusCache): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, JSON.stringify(cache));
}
