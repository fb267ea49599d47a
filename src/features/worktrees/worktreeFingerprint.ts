import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import { folderStamps } from '../../platform/files/folderStamps';
import type { WorktreeFingerprint } from './model/statusCache';

export interface TakenFingerprint {
  fingerprint: WorktreeFingerprint;
  /** Newest of the index and folder times, ms since the epoch (0 when none could be read). */
  newestMs: number;
}

/**
 * What a worktree's change counts depend on, read without git: its HEAD and branch (from
 * `git worktree list`), its index file's time, size and inode, and the times of its folders (those
 * of the commit's tree, so a new untracked file anywhere in them moves a stamp). Take it before
 * asking git, so a change made while git runs shows next time.
 */
export async function takeFingerprint(
  entry: WorktreeEntry,
  folders: readonly string[],
): Promise<TakenFingerprint> {
  const indexPath = await worktreeIndexPath(entry.path);
  const index = indexPath ? await lstat(indexPath).catch(() => undefined) : undefined;
  const stamps = folderStamps(entry.path, folders);
  return {
    fingerprint: {
      head: entry.head,
      branch: entry.branch,
      index: index ? `${index.mtimeMs}:${index.size}:${index.ino}` : '-',
      folders: stamps.digest,
    },
    newestMs: Math.max(stamps.newestMs, index?.mtimeMs ?? 0),
  };
}

/** `<worktree>/.git/index`, or the index of the git dir a `.git` file points to. */
async function worktreeIndexPath(worktree: string): Promise<string | undefined> {
  const dotGit = join(worktree, '.git');
  const stats = await lstat(dotGit).catch(() => undefined);
  if (!stats) {
    return undefined;
  }
  if (stats.isDirectory()) {
    return join(dotGit, 'index');
  }
  const text = await readFile(dotGit, 'utf8').catch(() => '');
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(text);
  if (!match?.[1]) {
    return undefined;
  }
  const gitDir = isAbsolute(match[1]) ? match[1] : resolve(worktree, match[1]);
  return join(gitDir, 'index');
}
