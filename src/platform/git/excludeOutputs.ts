import { appendFile, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { gitPath } from './files';
import { worktreeTopLevel } from './repository';

/**
 * Keeps a folder the coordinator writes into (guardrail run logs, task locks) out of `git status`
 * in every checkout: adds `/<folder, relative to its checkout>/` to the repository's
 * `info/exclude`, which git shares across worktrees and which is never committed. A folder
 * outside any repository, or a checkout's root itself, is left alone. Returns true when it added
 * the line.
 */
export async function excludeToolFolder(folder: string, signal?: AbortSignal): Promise<boolean> {
  const top = await worktreeTopLevel(folder, signal);
  if (top === undefined) {
    return false;
  }
  // git gives the top level with symbolic links resolved.
  const inside = relative(top, await realpath(folder));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return false;
  }
  const line = `/${inside.split(sep).join('/')}/`;
  return appendExcludeLine(
    await gitPath(folder, 'info/exclude', signal),
    line,
    'output written by Agent Coordinator',
  );
}

/** Appends `line` (with a comment line before it) to an exclude file unless a line already says so. */
export async function appendExcludeLine(
  excludePath: string,
  line: string,
  comment: string,
): Promise<boolean> {
  const current = await readOptional(excludePath);
  if (current.split(/\r?\n/).some((existing) => existing.trim() === line)) {
    return false;
  }
  await mkdir(dirname(excludePath), { recursive: true });
  const separator = current.length > 0 && !current.endsWith('\n') ? '\n' : '';
  await appendFile(excludePath, `${separator}# ${comment}\n${line}\n`);
  return true;
}

/**
 * Appends `line` (with `# comment` before it) to an exclude file unless a line already says so,
 * and returns how to take that addition back (undefined when nothing was added), for a step that
 * may have to be undone.
 */
export async function addExcludeLine(
  excludePath: string,
  line: string,
  comment: string,
): Promise<(() => Promise<void>) | undefined> {
  const current = await readOptional(excludePath);
  if (current.split(/\r?\n/).some((existing) => existing.trim() === line)) {
    return undefined;
  }
  await mkdir(dirname(excludePath), { recursive: true });
  const separator = current.length > 0 && !current.endsWith('\n') ? '\n' : '';
  const added = `${separator}# ${comment}\n${line}\n`;
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
