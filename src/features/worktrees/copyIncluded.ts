import {
  cp,
  lstat,
  mkdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isIncluded, parseIncludePatterns } from './model/includePatterns';
import { isPathInside } from '../../kernel/git/worktreePorcelain';
import { untrackedPaths } from '../../platform/git/files';
import { copyNewFile } from './newFile';
import { lstatOptional } from '../../platform/files/lstatOptional';

export const WORKTREE_INCLUDE_FILE = '.worktreeinclude';

export interface CopyResult {
  copied: string[];
  /** Selected paths that were not copied, each with the reason. */
  skipped: { path: string; reason: string }[];
}

/**
 * Copies untracked (and ignored) files of the main worktree that `.worktreeinclude`
 * or `globs` select into the new worktree, keeping their relative paths and
 * never overwriting anything the checkout already has. Symlinks are copied as
 * symlinks, never followed, and nothing is written through a symlink of the
 * checkout that leads outside the worktree.
 */
export async function copyIncludedFiles(
  mainRoot: string,
  worktreePath: string,
  globs: readonly string[],
  signal?: AbortSignal,
): Promise<CopyResult> {
  const result: CopyResult = { copied: [], skipped: [] };
  const includeText = await readOptional(join(mainRoot, WORKTREE_INCLUDE_FILE));
  const patterns = parseIncludePatterns([...globs, ...(includeText?.split('\n') ?? [])]);
  if (patterns.length === 0) {
    return result;
  }
  const worktreeReal = await realpath(worktreePath);
  const candidates = await untrackedPaths(mainRoot, signal);
  for (const relative of candidates) {
    if (!isIncluded(relative, patterns)) {
      continue;
    }
    const path = relative.replace(/\/+$/, '');
    const landing = await landingProblem(worktreeReal, path);
    if (landing === 'occupied') {
      continue;
    }
    if (landing) {
      result.skipped.push({ path, reason: landing });
      continue;
    }
    if (await copyOne(join(mainRoot, path), join(worktreeReal, path))) {
      result.copied.push(relative);
    }
  }
  return result;
}

/**
 * Why `relative` cannot be written in the worktree: `occupied` when the checkout has something
 * there (left alone, as always), or a reason to report when a symlink would lead the write away.
 */
async function landingProblem(worktreeReal: string, relative: string): Promise<string | undefined> {
  const parts = relative.split('/');
  let current = worktreeReal;
  for (const [index, part] of parts.entries()) {
    current = join(current, part);
    const found = await lstatOptional(current);
    if (!found) {
      return undefined;
    }
    const last = index === parts.length - 1;
    if (found.isSymbolicLink()) {
      const target = await realpath(current).catch(() => undefined);
      if (!target || !isPathInside(target, worktreeReal)) {
        return `the checkout has a symlink at ${parts.slice(0, index + 1).join('/')} that leads outside the worktree`;
      }
      if (last) {
        return 'occupied';
      }
    } else if (last) {
      return 'occupied';
    } else if (!found.isDirectory()) {
      return `the checkout has a file at ${parts.slice(0, index + 1).join('/')}`;
    }
  }
  return undefined;
}

/** Copies a file, a symlink (as a symlink) or a folder; false when the target appeared meanwhile. */
async function copyOne(source: string, target: string): Promise<boolean> {
  const kind = await lstat(source);
  await mkdir(dirname(target), { recursive: true });
  if (kind.isSymbolicLink()) {
    return symlink(await readlink(source), target).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : Promise.reject(error)),
    );
  }
  if (kind.isDirectory()) {
    const temp = join(dirname(target), `.${basename(target)}.coord-partial`);
    await rm(temp, { recursive: true, force: true });
    await cp(source, temp, { recursive: true, verbatimSymlinks: true });
    try {
      await rename(temp, target);
      return true;
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTEMPTY') {
        return false;
      }
      throw error;
    }
  }
  return copyNewFile(source, target);
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

/** Like `exists`, but a symlink counts even when it points nowhere. */
export async function occupied(path: string): Promise<boolean> {
  return (await lstatOptional(path)) !== undefined;
}
