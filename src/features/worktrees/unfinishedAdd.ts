import { lstat, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { parseStartLockReason } from './model/startLockReason';
import { gitPath } from '../../platform/git/files';
import { occupied } from './copyIncluded';
import { isStartRunning } from './startOwner';

/**
 * Removes what a `git worktree add` killed in its first steps leaves: an entry under
 * `<git dir>/worktrees/` holding only the lock of a start that is gone (no `gitdir` file,
 * so git neither lists nor prunes it). Returns the entries removed.
 */
export async function sweepUnfinishedAdds(
  mainRoot: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const adminRoot = await gitPath(mainRoot, 'worktrees', signal);
  const removed: string[] = [];
  for (const name of await readdir(adminRoot).catch(() => [] as string[])) {
    const entry = join(adminRoot, name);
    const locked = await readFile(join(entry, 'locked'), 'utf8').catch(() => undefined);
    const holder = parseStartLockReason(locked?.trim());
    if (!holder || isStartRunning(holder) || (await occupied(join(entry, 'gitdir')))) {
      continue;
    }
    await rm(entry, { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

/**
 * True when the folder at `path` can take a new worktree: empty (git accepts that), or holding
 * only the `.git` file of an add that never finished (its entry is gone; the file is removed).
 */
export async function isFreeForWorktree(path: string): Promise<boolean> {
  const kind = await lstat(path);
  if (!kind.isDirectory()) {
    return false;
  }
  const names = await readdir(path);
  if (names.length === 0) {
    return true;
  }
  if (names.length !== 1 || names[0] !== '.git') {
    return false;
  }
  const dotGit = join(path, '.git');
  const text = await readFile(dotGit, 'utf8').catch(() => '');
  const match = /^gitdir: (.+)$/m.exec(text);
  if (!match?.[1]) {
    return false;
  }
  const target = isAbsolute(match[1]) ? match[1] : resolve(path, match[1]);
  if (await occupied(target)) {
    return false;
  }
  await unlink(dotGit);
  return true;
}

/** How long a checkout left running by a killed start may keep the index locked before it counts as dead. */
const ORPHAN_CHECKOUT_WAIT_MS = 15_000;

/**
 * `kill -9` of a start leaves the `git worktree add` it ran to finish on its own. Waits while
 * that checkout still holds the worktree's index lock, so the worktree is not removed under it.
 */
export async function waitForOrphanedCheckout(path: string): Promise<void> {
  const text = await readFile(join(path, '.git'), 'utf8').catch(() => '');
  const match = /^gitdir: (.+)$/m.exec(text);
  if (!match?.[1]) {
    return;
  }
  const indexLock = join(isAbsolute(match[1]) ? match[1] : resolve(path, match[1]), 'index.lock');
  const deadline = Date.now() + ORPHAN_CHECKOUT_WAIT_MS;
  while (Date.now() < deadline) {
    const lock = await stat(indexLock).catch(() => undefined);
    if (!lock || Date.now() - lock.mtimeMs > ORPHAN_CHECKOUT_WAIT_MS) {
      return;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}
