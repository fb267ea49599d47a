import { copyFile, link, rm, writeFile } from 'node:fs/promises';
import { findLeftovers, scratchPath } from '../../platform/files/scratchFiles';

/**
 * Creates `path` with its whole content or not at all: the content goes to a temp file beside it,
 * which is then hard-linked into place. `link` never follows a symlink at `path` and fails when
 * anything is there. Returns false when `path` already existed (it is left alone).
 */
export async function writeNewFile(path: string, content: string): Promise<boolean> {
  return placeNew(path, (temp) => writeFile(temp, content, { flag: 'wx' }));
}

/** `writeNewFile` with the content of `source`. */
export async function copyNewFile(source: string, target: string): Promise<boolean> {
  return placeNew(target, (temp) => copyFile(source, temp));
}

async function placeNew(path: string, fill: (temp: string) => Promise<void>): Promise<boolean> {
  // A name of this process's own, so two starts at once never take each other's temp file; the
  // leftovers of killed runs are removed first.
  for (const leftover of await findLeftovers(path)) {
    await rm(leftover.path, { force: true });
  }
  const temp = scratchPath(path, 'tmp');
  try {
    await fill(temp);
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}
