import { lstat, readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { TaskFileStoreError } from './errors';

/**
 * The file a write to `filePath` must replace: the file itself, or, when it or a folder on its
 * path is a symlink, the symlink's target, so the link stays a link. A target outside the
 * repository holding `filePath` (found from the path as written, not as resolved; a linked worktree
 * counts its main worktree in) is refused.
 */
export async function resolveWriteTarget(filePath: string): Promise<string> {
  const absolute = resolve(filePath);
  const target = await realpath(absolute).catch(() => absolute);
  const root = await repositoryRoot(absolute);
  if (root === undefined) {
    return target;
  }
  const allowed = await Promise.all(
    [root, ...(await mainWorktreeOf(root))].map((r) => realpath(r).catch(() => r)),
  );
  if (!allowed.some((realRoot) => isInside(realRoot, target))) {
    throw new TaskFileStoreError(
      'outsideRepository',
      `${filePath} is a symlink (or lies in a symlinked folder) leading to ${target}, outside the repository ${root}; not writing there (pass --file with that path to edit it on purpose)`,
      filePath,
    );
  }
  return target;
}

function isInside(folder: string, path: string): boolean {
  const inside = relative(folder, path);
  return !inside.startsWith('..') && !isAbsolute(inside);
}

/**
 * For a linked worktree, the main worktree of its repository: a task file there may be a symlink
 * to the main checkout's plan, which is the same repository.
 */
async function mainWorktreeOf(root: string): Promise<string[]> {
  const gitFile = await readFile(resolve(root, '.git'), 'utf8').catch(() => undefined);
  const gitDir = gitFile && /^gitdir:\s*(.+?)\s*$/m.exec(gitFile)?.[1];
  const marker = `${sep}.git${sep}worktrees${sep}`;
  const at = gitDir ? resolve(root, gitDir).lastIndexOf(marker) : -1;
  return gitDir && at > 0 ? [resolve(root, gitDir).slice(0, at)] : [];
}

/** The nearest folder above `path` holding `.git` (a repository or a linked worktree). */
async function repositoryRoot(path: string): Promise<string | undefined> {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const found = await lstat(resolve(folder, '.git')).then(
      () => true,
      () => false,
    );
    if (found) {
      return folder;
    }
    if (dirname(folder) === folder) {
      return undefined;
    }
  }
}
