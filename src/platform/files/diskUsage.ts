import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiskUsageOptions {
  signal?: AbortSignal;
  /** File-system calls in flight at once; default 16. */
  concurrency?: number;
  /** Files already counted elsewhere (`dev:ino`), for hard links shared between folders. */
  seen?: Set<string>;
}

/**
 * Bytes a folder takes on disk (allocated blocks, like `du`): symbolic links are not followed, a
 * file with several hard links is counted once. Entries that vanish meanwhile are skipped.
 * Rejects with an `AbortError` as soon as the signal fires.
 */
export async function diskUsage(root: string, options: DiskUsageOptions = {}): Promise<number> {
  const { signal } = options;
  const limit = Math.max(1, options.concurrency ?? 16);
  const seen = options.seen ?? new Set<string>();
  let total = 0;
  const pending: string[] = [root];
  let active = 0;
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    };
    const visit = async (path: string): Promise<void> => {
      const stats = await lstat(path).catch(() => undefined);
      if (!stats) {
        return;
      }
      if (stats.nlink > 1 && !stats.isDirectory()) {
        const id = `${stats.dev}:${stats.ino}`;
        if (seen.has(id)) {
          return;
        }
        seen.add(id);
      }
      total += stats.blocks !== undefined ? stats.blocks * 512 : stats.size;
      if (stats.isDirectory()) {
        const names = await readdir(path).catch(() => [] as string[]);
        for (const name of names) {
          pending.push(join(path, name));
        }
      }
    };
    const pump = () => {
      if (settled) {
        return;
      }
      if (signal?.aborted) {
        fail(signal.reason ?? abortError());
        return;
      }
      if (pending.length === 0 && active === 0) {
        settled = true;
        resolve(total);
        return;
      }
      while (active < limit && pending.length > 0) {
        const path = pending.pop() as string;
        active += 1;
        visit(path).then(
          () => {
            active -= 1;
            pump();
          },
          (error: unknown) => fail(error),
        );
      }
    };
    pump();
  });
}

function abortError(): Error {
  const error = new Error('The disk usage walk was cancelled');
  error.name = 'AbortError';
  return error;
}
