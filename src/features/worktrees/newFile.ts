import { copyFile, link, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
  // One fixed name per target, so a temp file left by a killed run is replaced by the next one.
  const temp = join(dirname(path), `.${basename(path)}.coord-partial`);
  await rm(temp, { force: true });
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
