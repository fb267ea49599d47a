import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { acquireLock } from '../../platform/files/lock';
import { gitPath } from '../../platform/git/files';

/** How long a start waits for another start of the same task. */
const START_WAIT_MS = 10 * 60_000;

/**
 * Runs `start` while no other start of the same task runs, in this process or another: git cannot
 * tell a worktree that another start is still adding (an empty folder, a half-written `.git`) from
 * one made by hand, so two starts of one task must not interleave.
 */
export async function withStartLock<T>(
  mainRoot: string,
  taskKey: string,
  start: () => Promise<T>,
): Promise<T> {
  const safeKey = taskKey.replace(/[^A-Za-z0-9._-]/g, '_');
  const path = await gitPath(mainRoot, `coordinator/start-${safeKey}.lock`);
  await mkdir(dirname(path), { recursive: true });
  const lock = await acquireLock(path, { timeoutMs: START_WAIT_MS, staleMs: START_WAIT_MS });
  try {
    return await start();
  } finally {
    await lock.release();
  }
}
