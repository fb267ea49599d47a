import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, readlink, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `reflink`: each file a copy-on-write clone (FICLONE on Linux, clonefile on macOS), so the two
 * copies share blocks until either is written. `hardlink`: each file a second name of the same
 * inode. `copy`: plain bytes.
 */
export type CloneMethod = 'reflink' | 'hardlink' | 'copy';

export interface CloneTreeOptions {
  method: CloneMethod;
  /** Files (`/`-separated, relative to the tree) to copy as plain bytes whatever the method. */
  copyInstead?: (relative: string) => boolean;
  signal?: AbortSignal;
}

export interface CloneCount {
  files: number;
  /** Files copied as plain bytes because `copyInstead` said so. */
  copied: number;
  symlinks: number;
  folders: number;
}

/** Files cloned at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const IN_FLIGHT = 32;

/**
 * Clones the folder `source` to `target` (which must not exist) with `method`. Symlinks are
 * recreated with the same text, never followed; folders keep their mode bits, files theirs.
 */
export async function cloneTree(
  source: string,
  target: string,
  options: CloneTreeOptions,
): Promise<CloneCount> {
  const count: CloneCount = { files: 0, copied: 0, symlinks: 0, folders: 0 };
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const track = async (work: Promise<void>) => {
    const settled: Promise<void> = work
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => pending.delete(settled));
    pending.add(settled);
    if (pending.size >= IN_FLIGHT) {
      await Promise.race(pending);
    }
    if (failure) {
      throw failure.error;
    }
  };

  const walk = async (from: string, to: string, relative: string): Promise<void> => {
    options.signal?.throwIfAborted();
    await mkdir(to, { mode: (await lstat(from)).mode & 0o7777 });
    count.folders += 1;
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const fromChild = join(from, entry.name);
      const toChild = join(to, entry.name);
      if (entry.isDirectory()) {
        await walk(fromChild, toChild, child);
      } else if (entry.isSymbolicLink()) {
        count.symlinks += 1;
        await track(readlink(fromChild).then((text) => symlink(text, toChild)));
      } else if (entry.isFile()) {
        const plain = options.method === 'copy' || options.copyInstead?.(child) === true;
        count.files += 1;
        count.copied += plain ? 1 : 0;
        await track(cloneFile(fromChild, toChild, plain ? 'copy' : options.method));
      }
      // Sockets, pipes and devices are left out: nothing installs them.
    }
  };

  try {
    await walk(source, target, '');
  } finally {
    // Nothing may still be writing into the tree when the caller removes a half-made one.
    await Promise.all(pending);
  }
  if (failure) {
    throw failure.error;
  }
  return count;
}

/** Clones one file; `reflink` fails (EOPNOTSUPP, EXDEV…) where the filesystem cannot. */
export function cloneFile(source: string, target: string, method: CloneMethod): Promise<void> {
  if (method === 'hardlink') {
    return link(source, target);
  }
  return copyFile(
    source,
    target,
    constants.COPYFILE_EXCL | (method === 'reflink' ? constants.COPYFILE_FICLONE_FORCE : 0),
  );
}

/**
 * Whether `method` works from `sampleFile` into the folder `targetFolder` (same filesystem,
 * reflink support), by trying it on one file and removing the result.
 */
export async function cloneWorks(
  sampleFile: string,
  targetFolder: string,
  method: CloneMethod,
): Promise<boolean> {
  const probe = join(targetFolder, `.coord-clone-probe-${process.pid}-${Date.now()}`);
  try {
    await cloneFile(sampleFile, probe, method);
    return true;
  } catch {
    return false;
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}
