import { chmod, link, open, readFile, rename, stat } from 'node:fs/promises';
import { removeQuietly, scratchPath } from '../files/scratchFiles';

/**
 * Replaces `path` with `next` only if it still holds `expected` (its text, or its bytes), so that a save by a program that
 * ignores the lock (an editor writing a temp file and renaming it over the file) is never lost,
 * even one landing during the replacement. The protocol, "move aside, link in":
 *
 * 1. write `next` to a temp file beside `path` and flush it;
 * 2. rename `path` aside: from here on a save creates a new `path` instead of being overwritten;
 * 3. if what was moved aside is not `expected`, a save landed since it was read: link it back;
 * 4. `link()` the temp file to `path`, which fails if a save landed since step 2; that save stays;
 * 5. remove the temp file and the file set aside.
 *
 * Returns false when a save landed (the caller re-reads and re-applies its edit on top of it).
 * Between steps 2 and 4 the file is missing for a moment; readers retry (see `readStable`), and a
 * writer killed there leaves the file set aside, which the next reader or writer puts back.
 */
export async function replaceIfUnchanged(
  path: string,
  expected: string | Buffer,
  next: string,
): Promise<boolean> {
  const temp = scratchPath(path, 'tmp');
  const aside = scratchPath(path, 'old');
  try {
    const mode = await stat(path).then(
      (s) => s.mode & 0o777,
      () => undefined,
    );
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(next, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) {
      await chmod(temp, mode);
    }
    await rename(path, aside);
    // Bytes compared as bytes when the caller has them: no decoding of a large file a second time.
    const moved = await readFile(aside);
    if (
      typeof expected === 'string' ? moved.toString('utf8') !== expected : !moved.equals(expected)
    ) {
      await link(aside, path).catch(ignoreExisting);
      return false;
    }
    try {
      await link(temp, path);
    } catch (error) {
      ignoreExisting(error);
      return false;
    }
    return true;
  } finally {
    await removeQuietly(temp);
    await removeQuietly(aside);
  }
}

/** A newer save already took the place: it stays. */
function ignoreExisting(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
    throw error;
  }
}
