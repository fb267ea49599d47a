import { unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { excludeToolFolder } from '../../platform/git/excludeOutputs';
import { exists } from './copyIncluded';
import { writeNewFile } from './newFile';

/**
 * The seeds' convention: when `.dev/locks/` exists in the main worktree, a
 * `<task key>.lock` file there says the task is taken. Returns the file and
 * whether this call created it; undefined when the folder does not exist. The lock files never
 * show in `git status` (see `excludeToolFolder`).
 */
export async function touchTaskLock(
  mainRoot: string,
  taskKey: string,
  content: string,
): Promise<{ path: string; created: boolean } | undefined> {
  const folder = join(mainRoot, '.dev', 'locks');
  if (!(await exists(folder))) {
    return undefined;
  }
  await excludeToolFolder(folder);
  const path = taskLockPath(mainRoot, taskKey);
  if (await writeNewFile(path, content)) {
    return { path, created: true };
  }
  const now = new Date();
  await utimes(path, now, now);
  return { path, created: false };
}

function taskLockPath(mainRoot: string, taskKey: string): string {
  return join(mainRoot, '.dev', 'locks', `${taskKey.replace(/[^A-Za-z0-9._-]+/g, '-')}.lock`);
}

/** Removes the task's lock file when there is one; returns its path when it did. */
export async function releaseTaskLock(
  mainRoot: string,
  taskKey: string,
): Promise<string | undefined> {
  const path = taskLockPath(mainRoot, taskKey);
  try {
    await unlink(path);
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
