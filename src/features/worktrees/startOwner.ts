import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { StartOwner } from './model/startLockReason';

/** Starts running in this process; a lock naming this pid with another nonce was left by an earlier one. */
const runningHere = new Set<string>();

export function beginStart(): { owner: StartOwner; end: () => void } {
  const owner = { pid: process.pid, host: hostname(), nonce: randomBytes(6).toString('hex') };
  runningHere.add(owner.nonce);
  return { owner, end: () => runningHere.delete(owner.nonce) };
}

/**
 * Whether the start that locked a worktree may still be running. A start on another host
 * counts as running: its pid says nothing here.
 */
export function isStartRunning(owner: StartOwner): boolean {
  if (owner.host !== hostname()) {
    return true;
  }
  if (owner.pid === process.pid) {
    return runningHere.has(owner.nonce);
  }
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
