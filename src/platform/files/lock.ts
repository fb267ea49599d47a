import { randomBytes } from 'node:crypto';
import { link, lstat, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { processAlive } from './processAlive';
import { removeQuietly, scratchPath } from './scratchFiles';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';

export interface LockOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** A lock older than this is taken over, whoever holds it. */
  staleMs?: number;
  /** An empty or unreadable lock (left by a kill, or by another tool) is taken over after this long. */
  unreadableStaleMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  /** Tells this lock from a later one that the file system gave the same inode. */
  nonce: string;
}

export class LockTimeoutError extends CoordinatorError {
  constructor(readonly lockPath: string) {
    super(
      'lockTimeout',
      `could not lock ${lockPath}: another writer holds it (delete the file if no coordinator is running)`,
    );
    this.name = 'LockTimeoutError';
  }
}

export interface HeldLock {
  /** Whether the lock file is still this one (it is taken over when judged stale). */
  isHeld(): Promise<boolean>;
  /** Removes the lock file if it is still this one. */
  release(): Promise<void>;
}

/** A lock file as it was seen when judged: the same inode and the same bytes identify it. */
interface SeenLock {
  ino: number;
  text: string;
  mtimeMs: number;
}

/** A breaker holds `<lock>.break` for a few file operations; longer means it was killed. */
const BREAK_LOCK_STALE_MS = 5_000;

/**
 * An advisory lock: a file beside the locked file holding its owner's pid, host, time and a nonce.
 * It is written in full to a temp file and then hard-linked into place, so it never exists empty.
 * A lock whose process on this host is gone, or older than `staleMs`, or empty/unreadable for
 * longer than `unreadableStaleMs`, is taken over: one breaker at a time (holding `<lock>.break`)
 * moves it aside and checks that what it moved is the very lock it judged (same inode and bytes),
 * putting it back otherwise. Retries with jittered backoff.
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<HeldLock> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const mine = await createLockFile(lockPath);
    if (mine) {
      return heldLock(lockPath, mine);
    }
    const seen = await see(lockPath);
    if (!seen || (isStale(seen, options) && (await breakLock(lockPath, seen)))) {
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(lockPath);
    }
    const backoff = Math.min(100, 2 * 2 ** Math.min(attempt, 6));
    await delay(backoff / 2 + Math.random() * backoff);
  }
}

/** Creates the lock file with its full content, or returns undefined when it exists. */
async function createLockFile(lockPath: string): Promise<SeenLock | undefined> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    time: Date.now(),
    nonce: randomBytes(8).toString('hex'),
  };
  const text = JSON.stringify(owner);
  const temp = scratchPath(lockPath, 'tmp');
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return undefined;
    }
    throw error;
  } finally {
    await removeQuietly(temp);
  }
  const stats = await lstat(lockPath);
  return { ino: stats.ino, text, mtimeMs: stats.mtimeMs };
}

function heldLock(lockPath: string, mine: SeenLock): HeldLock {
  const isHeld = async () => {
    const now = await see(lockPath);
    return now !== undefined && sameLock(now, mine);
  };
  return {
    isHeld,
    release: async () => {
      if (await isHeld()) {
        await removeQuietly(lockPath);
      }
    },
  };
}

async function see(lockPath: string): Promise<SeenLock | undefined> {
  try {
    const stats = await lstat(lockPath);
    const text = await readFile(lockPath, 'utf8');
    return { ino: stats.ino, text, mtimeMs: stats.mtimeMs };
  } catch {
    // Released meanwhile: try again.
    return undefined;
  }
}

function sameLock(a: SeenLock, b: SeenLock): boolean {
  return a.ino === b.ino && a.text === b.text;
}

function ownerOf(seen: SeenLock): Partial<LockOwner> | undefined {
  try {
    const owner = JSON.parse(seen.text) as unknown;
    return typeof owner === 'object' && owner !== null ? (owner as Partial<LockOwner>) : undefined;
  } catch {
    return undefined;
  }
}

function isStale(seen: SeenLock, options: LockOptions): boolean {
  const owner = ownerOf(seen);
  if (!owner || typeof owner.time !== 'number') {
    return Date.now() - seen.mtimeMs > (options.unreadableStaleMs ?? 2_000);
  }
  if (Date.now() - owner.time > (options.staleMs ?? 30_000)) {
    return true;
  }
  return owner.host === hostname() && typeof owner.pid === 'number' && !processAlive(owner.pid);
}

/**
 * Takes a stale lock away, but only the one judged: under `<lock>.break`, so no other breaker acts
 * between the check and the move, and verified after the move, for an owner releasing it just then.
 */
async function breakLock(lockPath: string, judged: SeenLock): Promise<boolean> {
  const breakPath = `${lockPath}.break`;
  const breaker = await createLockFile(breakPath);
  if (!breaker) {
    const other = await see(breakPath);
    return (
      other !== undefined &&
      isStale(other, { staleMs: BREAK_LOCK_STALE_MS }) &&
      (await moveAsideIfSame(breakPath, other))
    );
  }
  try {
    // Another breaker may have taken the judged lock away and a live writer made a new one since.
    const now = await see(lockPath);
    return (
      now === undefined || (sameLock(now, judged) && (await moveAsideIfSame(lockPath, judged)))
    );
  } finally {
    await heldLock(breakPath, breaker).release();
  }
}

/** Moves the judged lock away; true when it is gone (moved now, or already). */
async function moveAsideIfSame(path: string, judged: SeenLock): Promise<boolean> {
  const aside = scratchPath(path, 'old');
  try {
    await rename(path, aside);
  } catch {
    return true;
  }
  const moved = await see(aside);
  const same = moved !== undefined && sameLock(moved, judged);
  if (!same) {
    // A live lock taken just after the judged one went: put it back where its owner expects it.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
  return same;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
