import { readdir } from 'node:fs/promises';

/** The names in a folder; none when it does not exist yet (no snapshot taken so far). */
export async function folderEntries(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}
