/**
 * The rules of `coordinator.worktrees.sharedDependencies`: which heavy folders of the main
 * checkout a new task worktree gets, and how.
 *
 * - `reflink`: a copy-on-write clone, where the filesystem can (XFS, btrfs, APFS). Nothing the
 *   worktree writes reaches the main checkout, so any folder may be cloned.
 * - `hardlink`: the same files under a second name, only for `node_modules`. Package managers
 *   (npm, pnpm, yarn) replace a package's files by removing and re-creating them, never by
 *   writing into them, so an install in the worktree leaves the main checkout's files alone;
 *   pnpm links its store into every project the same way. The files npm and the bundlers
 *   rewrite in place (those directly in `node_modules`, such as `.package-lock.json`, and
 *   everything under `node_modules/.cache`) are copied instead. Other folders (build caches)
 *   are rewritten in place by their tools, so they are never hardlinked.
 * - `setup`: left to the setup command, whose package manager reuses its own shared download
 *   cache (npm's `~/.npm`, pnpm's store, pip's and uv's caches).
 *
 * A Python virtual environment is never shared: it records its own absolute path (scripts,
 * `pyvenv.cfg`) and pip rewrites its files in place.
 */
export type SharingMethod = 'reflink' | 'hardlink' | 'setup';

export interface SharedDependency {
  /** `/`-separated, relative to the repository root, as the setting names it. */
  folder: string;
  /** How the folder was prepared; `skipped` when it was not, with the reason. */
  method: SharingMethod | 'skipped';
  reason?: string;
  /** Files cloned or linked. */
  files?: number;
  /** Time taken, in milliseconds. */
  ms?: number;
}

/** The setting's entry as a folder path (`./node_modules/` → `node_modules`). */
export function sharedFolderName(entry: string): string {
  return entry
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

/** Why an entry of the setting names no folder that may be shared, or undefined when it does. */
export function sharedFolderProblem(folder: string): string | undefined {
  if (folder === '' || folder === '.') {
    return 'names no folder';
  }
  if (folder.startsWith('/') || /^[A-Za-z]:/.test(folder)) {
    return 'is not a path inside the repository';
  }
  const parts = folder.split('/');
  if (parts.some((part) => part === '..' || part === '.' || part === '')) {
    return 'is not a path inside the repository';
  }
  if (parts.some((part) => part.toLowerCase() === '.git')) {
    return "is git's own folder";
  }
  return undefined;
}

const VIRTUAL_ENV_NAMES = new Set(['.venv', 'venv', '.virtualenv', 'virtualenv']);

/** True for a Python virtual environment: by its name, or by the `pyvenv.cfg` every one has. */
export function isVirtualEnvironment(folder: string, hasPyvenvCfg: boolean): boolean {
  const name = folder.split('/').pop() ?? '';
  return hasPyvenvCfg || VIRTUAL_ENV_NAMES.has(name.toLowerCase());
}

/** Hardlinks are used only for package manager trees, whose installs replace files. */
export function hardlinksAreSafe(folder: string): boolean {
  return folder.split('/').pop() === 'node_modules';
}

/**
 * In a hardlinked `node_modules`, the files written in place are copied: its own top-level
 * files (npm's hidden lockfile, yarn's state) and its `.cache` folder (babel, eslint, webpack).
 */
export function copiedInHardlinkedTree(relative: string): boolean {
  return !relative.includes('/') || relative.startsWith('.cache/');
}

export const VIRTUAL_ENV_REASON =
  'a Python virtual environment records its own path, so it is never shared; make it in the setup command (pip and uv reuse their download cache)';

/** Whether a folder was left for the setup command to install. */
export function leftToSetup(shared: readonly SharedDependency[]): boolean {
  return shared.some((entry) => entry.method === 'setup');
}

/** One line for the output channel, `coord start` and the brief. */
export function sharingLine(shared: SharedDependency, hasSetupCommand: boolean): string {
  const counted =
    shared.files === undefined
      ? ''
      : `, ${shared.files.toLocaleString('en-US')} files in ${((shared.ms ?? 0) / 1000).toFixed(1)} s`;
  switch (shared.method) {
    case 'reflink':
      return `${shared.folder}: cloned copy-on-write from the main checkout${counted}`;
    case 'hardlink':
      return `${shared.folder}: hardlinked from the main checkout${counted} (installs replace files, so the main checkout's stay as they are; never edit a file inside it in place)`;
    case 'setup':
      return hasSetupCommand
        ? `${shared.folder}: left to the setup command (${shared.reason}); its package manager reuses its shared cache`
        : `${shared.folder}: not prepared (${shared.reason}); set coordinator.worktrees.setupCommand to install it`;
    case 'skipped':
      return `${shared.folder}: not shared (${shared.reason})`;
  }
}
