import { basename, dirname } from 'node:path';
import { isGitError } from './errors';
import { runGit } from './exec';

/**
 * Absolute path of the main worktree of the repository containing `cwd`, or
 * undefined when `cwd` is not inside a repository. For a bare repository the
 * repository directory itself is returned.
 */
export async function mainWorktreeRoot(
  cwd: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  let commonDir: string;
  try {
    const result = await runGit(['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd,
      signal,
      readOnly: true,
    });
    commonDir = result.stdout.trim();
  } catch (error) {
    if (isGitError(error, 'notARepository')) {
      return undefined;
    }
    throw error;
  }
  if (basename(commonDir) === '.git') {
    return dirname(commonDir);
  }
  // A common dir not named `.git` is a bare repository or a separate git dir; ask for the main worktree.
  const list = await runGit(['worktree', 'list', '--porcelain'], { cwd, signal, readOnly: true });
  const first = /^worktree (.+)$/m.exec(list.stdout);
  return first?.[1] ?? commonDir;
}

/** Absolute top level of the worktree containing `cwd`, or undefined outside a repository. */
export async function worktreeTopLevel(
  cwd: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  try {
    const result = await runGit(['rev-parse', '--path-format=absolute', '--show-toplevel'], {
      cwd,
      signal,
      readOnly: true,
    });
    return result.stdout.trim() || undefined;
  } catch (error) {
    if (isGitError(error, 'notARepository')) {
      return undefined;
    }
    throw error;
  }
}

/** Absolute git common dir of the repository containing `cwd` (shared by all its worktrees). */
export async function gitCommonDir(cwd: string, signal?: AbortSignal): Promise<string> {
  const result = await runGit(['rev-parse', '--path-format=absolute', '--git-common-dir'], {
    cwd,
    signal,
    readOnly: true,
  });
  return result.stdout.trim();
}
