import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes a folder takes on disk (allocated blocks), symlinks not followed; 0 when it is gone. */
export async function folderSize(folder: string): Promise<number> {
  let total = 0;
  const pending = [folder];
  while (pending.length > 0) {
    const batch = pending.splice(0, 64);
    await Promise.all(
      batch.map(async (path) => {
        const info = await lstat(path).catch(() => undefined);
        if (!info) {
          return;
        }
        total += info.blocks * 512;
        if (info.isDirectory()) {
          const names = await readdir(path).catch(() => [] as string[]);
          pending.push(...names.map((name) => join(path, name)));
        }
      }),
    );
  }
  return total;
}
