import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gitPath } from '../../platform/git/files';

/**
 * Adds `/<fileName>` to the repository's `info/exclude` (git shares it across
 * worktrees) unless a line already says so. Returns true when it added the line.
 */
export async function excludeFromGit(
  worktreePath: string,
  fileName: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const excludePath = await gitPath(worktreePath, 'info/exclude', signal);
  const line = `/${fileName.replace(/^\/+/, '')}`;
  let current = '';
  try {
    current = await readFile(excludePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  if (current.split(/\r?\n/).some((existing) => existing.trim() === line)) {
    return false;
  }
  await mkdir(dirname(excludePath), { recursive: true });
  const separator = current.length > 0 && !current.endsWith('\n') ? '\n' : '';
  await appendFile(excludePath, `${separator}# task brief written by Agent Coordinator\n${line}\n`);
  return true;
}
