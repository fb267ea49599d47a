import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { scratchPath } from './scratchFiles';

/**
 * Writes a temp file in the same directory, flushes it, and renames it over `filePath`. For files
 * only this program writes (snapshots, run logs, results); the task file goes through the store.
 */
export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  const temp = scratchPath(filePath, 'tmp');
  const mode = await stat(filePath).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) {
      await chmod(temp, mode);
    }
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
