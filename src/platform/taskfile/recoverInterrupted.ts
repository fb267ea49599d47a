import { link } from 'node:fs/promises';
import { findLeftovers, removeQuietly } from '../files/scratchFiles';

/**
 * Puts back a task file that a killed writer had moved aside (see `replaceIfUnchanged`) and, when
 * `removeTemps` (only under the lock), removes the temp files of killed writers and lock breakers.
 */
export async function recoverInterrupted(path: string, removeTemps: boolean): Promise<void> {
  for (const leftover of await findLeftovers(path)) {
    if (leftover.of === path && leftover.kind === 'old') {
      // Fails if the file is there: a later write or save replaced it, and the aside copy is stale.
      await link(leftover.path, path).catch(() => undefined);
      await removeQuietly(leftover.path);
    } else if (removeTemps) {
      await removeQuietly(leftover.path);
    }
  }
}
