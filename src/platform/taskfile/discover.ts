import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { mainWorktreeRoot } from '../git';
import { isFileOrBeingReplaced } from './readStable';

export const TASK_FILE_NAME = 'task_status.json';
export const CONVENTIONAL_TASK_FILE = join('docs', 'plans', TASK_FILE_NAME);

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_SEARCH_DEPTH = 6;
const MAX_DIRECTORIES = 5_000;

export interface DiscoverOptions {
  /** The `coordinator.taskFile` setting: a path relative to the folder, or absolute. */
  configured?: string;
  /** Maps a folder to the root of its main worktree (injectable for tests). */
  resolveMainRoot?: (folder: string) => Promise<string | undefined>;
}

/**
 * The canonical task file for a folder: the configured path, else `docs/plans/task_status.json`,
 * else the shallowest `**\/task_status.json` outside node_modules (and outside nested repositories
 * or worktrees). Relative paths are taken from the main worktree, so a window or a CLI inside a
 * task worktree sees the same plan as the main checkout ("One truth").
 */
export async function discoverTaskFile(
  folder: string,
  options: DiscoverOptions = {},
): Promise<string | undefined> {
  const resolveMainRoot = options.resolveMainRoot ?? defaultMainRoot;
  const mainRoot = (await resolveMainRoot(folder)) ?? folder;
  const roots = mainRoot === folder ? [folder] : [mainRoot, folder];
  const configured = options.configured?.trim();
  if (configured) {
    if (isAbsolute(configured)) {
      return (await isFileOrBeingReplaced(configured)) ? configured : undefined;
    }
    for (const root of roots) {
      const candidate = resolve(root, configured);
      if (await isFileOrBeingReplaced(candidate)) {
        return candidate;
      }
    }
    return undefined;
  }
  for (const root of roots) {
    const conventional = join(root, CONVENTIONAL_TASK_FILE);
    if (await isFileOrBeingReplaced(conventional)) {
      return conventional;
    }
  }
  for (const root of roots) {
    const found = await searchTaskFile(root);
    if (found) {
      return found;
    }
  }
  return undefined;
}

async function defaultMainRoot(folder: string): Promise<string | undefined> {
  try {
    return await mainWorktreeRoot(folder);
  } catch {
    // git missing or failing: the folder itself is the only root we know.
    return undefined;
  }
}

/** Breadth-first, names sorted, so the shallowest match wins and the result is stable. */
async function searchTaskFile(root: string): Promise<string | undefined> {
  let level = [root];
  let visited = 0;
  for (let depth = 0; depth <= MAX_SEARCH_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const directory of level) {
      if (++visited > MAX_DIRECTORIES) {
        return undefined;
      }
      const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (entries.some((entry) => entry.isFile() && entry.name === TASK_FILE_NAME)) {
        return join(directory, TASK_FILE_NAME);
      }
      for (const entry of entries) {
        if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
          next.push(join(directory, entry.name));
        }
      }
    }
    level = await withoutNestedRepositories(next);
  }
  return undefined;
}

/** A directory holding `.git` (a nested repository or a linked worktree) has its own plan. */
async function withoutNestedRepositories(directories: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const directory of directories) {
    const hasGit = await stat(join(directory, '.git')).then(
      () => true,
      () => false,
    );
    if (!hasGit) {
      kept.push(directory);
    }
  }
  return kept;
}
