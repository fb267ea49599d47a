import { randomBytes } from 'node:crypto';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './processAlive';

/** A temp file being written (`tmp`), or a file moved aside while it is replaced (`old`). */
export type ScratchKind = 'tmp' | 'old';

/**
 * The name of a scratch file of this process beside `path`: `.<name>.<pid>.<hex>.<kind>`. The pid
 * in the name lets a later writer tell the leftovers of a killed process from live work.
 */
export function scratchPath(path: string, kind: ScratchKind): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}`,
  );
}

export interface Leftover {
  path: string;
  /** The file the scratch file was made for (the task file, its lock, ...). */
  of: string;
  kind: ScratchKind;
}

/** Past this age a scratch file is a leftover even when its pid runs again (pids are reused). */
const ABANDONED_MS = 60 * 60 * 1000;

/**
 * Scratch files beside `path` (its own and those of `path.lock`...) left by processes that are
 * gone: their pid no longer runs here, or they are older than an hour.
 */
export async function findLeftovers(path: string): Promise<Leftover[]> {
  const folder = dirname(path);
  const prefix = `.${basename(path)}`;
  const names = await readdir(folder).catch(() => [] as string[]);
  const found: Leftover[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) {
      continue;
    }
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]+\.(tmp|old)$/.exec(name);
    if (!match || !match[1].startsWith(basename(path))) {
      continue;
    }
    const [, of, pidText, kind] = match;
    const stats = await lstat(join(folder, name)).catch(() => undefined);
    if (!stats?.isFile()) {
      continue;
    }
    const age = Date.now() - stats.mtimeMs;
    const pid = Number(pidText);
    const gone = pid !== process.pid && !processAlive(pid);
    if (gone || age > ABANDONED_MS) {
      found.push({ path: join(folder, name), of: join(folder, of), kind: kind as ScratchKind });
    }
  }
  return found;
}

export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}
