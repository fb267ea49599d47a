import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A loop-mounted XFS image with reflink, for the copy-on-write paths this ext4 disk lacks. */
export interface XfsImage {
  mount: string;
  dispose(): void;
}

/** Makes and mounts an image of `size` (as `truncate -s` reads it); a reason when this machine cannot. */
export function mountXfsImage(size: string, name: string): XfsImage | string {
  if (process.getuid?.() !== 0) {
    return 'not root';
  }
  const image = join(tmpdir(), `${name}-${process.pid}.img`);
  const mount = mkdtempSync(join(tmpdir(), `${name}-`));
  const remove = () => {
    rmSync(mount, { recursive: true, force: true });
    rmSync(image, { force: true });
  };
  try {
    execFileSync('truncate', ['-s', size, image]);
    execFileSync('mkfs.xfs', ['-q', '-f', '-m', 'reflink=1', image], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'loop', image, mount], { stdio: 'ignore' });
  } catch (error) {
    remove();
    return `cannot make and mount an XFS image: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return {
    mount,
    dispose: () => {
      execFileSync('umount', [mount], { stdio: 'ignore' });
      remove();
    },
  };
}
