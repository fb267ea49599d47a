/**
 * A start keeps the worktree it creates locked with this reason until the task file records it,
 * so the next start can tell a worktree left by an interrupted start from one a person made.
 */
const PREFIX = 'coord start in progress:';

export interface StartOwner {
  pid: number;
  host: string;
  /** Tells apart starts running in the same process. */
  nonce: string;
}

export function startLockReason(owner: StartOwner): string {
  return `${PREFIX} pid ${owner.pid} on ${owner.host} (${owner.nonce})`;
}

/** The start that holds a worktree lock, or undefined for any other lock (or none). */
export function parseStartLockReason(locked: string | true | undefined): StartOwner | undefined {
  if (typeof locked !== 'string' || !locked.startsWith(PREFIX)) {
    return undefined;
  }
  const match = /^ pid (\d+) on (.*) \(([^()]*)\)$/.exec(locked.slice(PREFIX.length));
  if (!match) {
    return undefined;
  }
  return { pid: Number(match[1]), host: match[2] ?? '', nonce: match[3] ?? '' };
}
