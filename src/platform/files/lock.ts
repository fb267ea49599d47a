import { hostname } from 'node:os';
import { open, readFile, rename, unlink } from 'node:fs/promises';

export interface LockOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** A lock older than this is taken over, whoever holds it. */
  staleMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  time: number;
}

export class LockTimeoutError extends Error {
  constructor(readonly lockPath: string) {
    super(
      `could not lock ${lockPath}: another writer holds it (delete the file if no coordinator is running)`,
    );
    this.name = 'LockTimeoutError';
  }
}

/**
 * An advisory lock: a file created with O_EXCL beside the locked file, holding the owner's pid, host
 * and time. Taken over when stale (too old, or its process on this host is gone). Retries with
 * jittered backoff. Returns the release function.
 */
export async function acquireLock(
  lockPath: string,
  options: LockOptions = {},
): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const owner: LockOwner = { pid: process.pid, host: hostname(), time: Date.now() };
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ ...owner, time: Date.now() }));
      } finally {
        await handle.close();
      }
      return () => unlink(lockPath).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    if (await isStale(lockPath, staleMs)) {
      await breakLock(lockPath);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(lockPath);
    }
    const backoff = Math.min(100, 2 * 2 ** Math.min(attempt, 6));
    await delay(backoff / 2 + Math.random() * backoff);
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  let owner: Partial<LockOwner>;
  try {
    owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
  } catch {
    // Just created and not written yet, or already gone: not stale; try again.
    return false;
  }
  if (typeof owner.time !== 'number' || Date.now() - owner.time > staleMs) {
    return true;
  }
  return owner.host === hostname() && typeof owner.pid === 'number' && !processAlive(owner.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Moves the stale lock aside first so that two writers breaking it at once cannot both win. */
async function breakLock(lockPath: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lockPath, aside);
    await unlink(aside);
  } catch {
    // Someone else broke or released it first.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
