import { lstat } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** The entry's own stats (a link is not followed); undefined when nothing is there. */
export async function lstatOptional(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
