import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { gitPath } from '../../platform/git/files';

const COMMENT = '# task brief written by Agent Coordinator';

/**
 * Adds `/<fileName>` to the repository's `info/exclude` (git shares it across
 * worktrees) unless a line already says so. Returns how to take the addition
 * back, or undefined when nothing was added.
 */
export async function excludeFromGit(
  worktreePath: string,
  fileName: string,
  signal?: AbortSignal,
): Promise<(() => Promise<void>) | undefined> {
  const excludePath = await gitPath(worktreePath, 'info/exclude', signal);
  const line = `/${fileName.replace(/^\/+/, '')}`;
  const current = await readOptional(excludePath);
  if (current.split(/\r?\n/).some((existing) => existing.trim() === line)) {
    return undefined;
  }
  await mkdir(dirname(excludePath), { recursive: true });
  const separator = current.length > 0 && !current.endsWith('\n') ? '\n' : '';
  const added = `${separator}${COMMENT}\n${line}\n`;
  await appendFile(excludePath, added);
  return async () => {
    const now = await readOptional(excludePath);
    const at = now.lastIndexOf(added);
    if (at >= 0) {
      await writeFile(excludePath, now.slice(0, at) + now.slice(at + added.length));
    }
  };
}

async function readOptional(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
    return '';
  }
}
