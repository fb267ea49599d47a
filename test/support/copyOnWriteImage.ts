import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The filesystems with copy-on-write clones (reflink) that a loop-mounted image can give. */
export type CopyOnWriteFilesystem = 'xfs' | 'btrfs';

export const COPY_ON_WRITE_FILESYSTEMS: readonly CopyOnWriteFilesystem[] = ['xfs', 'btrfs'];

/** A loop-mounted image with reflink, for the copy-on-write paths this ext4 disk lacks. */
export interface CopyOnWriteImage {
  mount: string;
  dispose(): void;
}

const MAKE_FILESYSTEM: Record<CopyOnWriteFilesystem, string[]> = {
  xfs: ['mkfs.xfs', '-q', '-f', '-m', 'reflink=1'],
  btrfs: ['mkfs.btrfs', '-q', '-f'],
};

/**
 * Makes and mounts an image of `filesystem` of `size` (as `truncate -s` reads it); a reason when
 * this machine cannot (not root, no mkfs for it, mounting not allowed).
 */
export function mountCopyOnWriteImage(
  filesystem: CopyOnWriteFilesystem,
  size: string,
  name: string,
): CopyOnWriteImage | string {
  if (process.getuid?.() !== 0) {
    return 'not root';
  }
  const image = join(tmpdir(), `${name}-${process.pid}.img`);
  const mount = mkdtempSync(join(tmpdir(), `${name}-`));
  const remove = () => {
    rmSync(mount, { recursive: true, force: true });
    rmSync(image, { force: true });
  };
  const [mkfs, ...options] = MAKE_FILESYSTEM[filesystem];
  try {
    execFileSync('truncate', ['-s', size, image]);
    execFileSync(mkfs, [...options, image], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'loop', image, mount], { stdio: 'ignore' });
  } catch (error) {
    remove();
    return `cannot make and mount a ${filesystem} image: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return {
    mount,
    dispose: () => {
      execFileSync('umount', [mount], { stdio: 'ignore' });
      remove();
    },
  };
}
