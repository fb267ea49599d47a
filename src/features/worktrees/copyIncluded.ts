import { copyFile, cp, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isIncluded, parseIncludePatterns } from './model/includePatterns';
import { untrackedPaths } from '../../platform/git/files';

export const WORKTREE_INCLUDE_FILE = '.worktreeinclude';

/**
 * Copies untracked (and ignored) files of the main worktree that `.worktreeinclude`
 * or `globs` select into the new worktree, keeping their relative paths and
 * never overwriting a file the checkout already has. Returns the copied paths.
 */
export async function copyIncludedFiles(
  mainRoot: string,
  worktreePath: string,
  globs: readonly string[],
  signal?: AbortSignal,
): Promise<string[]> {
  const includeText = await readOptional(join(mainRoot, WORKTREE_INCLUDE_FILE));
  const patterns = parseIncludePatterns([...globs, ...(includeText?.split('\n') ?? [])]);
  if (patterns.length === 0) {
    return [];
  }
  const candidates = await untrackedPaths(mainRoot, signal);
  const copied: string[] = [];
  for (const relative of candidates) {
    if (!isIncluded(relative, patterns)) {
      continue;
    }
    const target = join(worktreePath, relative);
    if (await exists(target)) {
      continue;
    }
    const source = join(mainRoot, relative);
    await mkdir(dirname(target), { recursive: true });
    if (relative.endsWith('/')) {
      await cp(source, target, {
        recursive: true,
        errorOnExist: false,
        force: false,
        verbatimSymlinks: true,
      });
    } else {
      await copyFile(source, target);
    }
    copied.push(relative);
  }
  return copied;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}
