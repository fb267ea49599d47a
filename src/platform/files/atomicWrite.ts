import { randomBytes } from 'node:crypto';
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes a temp file in the same directory, flushes it, and renames it over `filePath`. */
export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  const temp = join(
    dirname(filePath),
    `.${basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
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
