import { access, chmod, mkdir, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../platform/files/atomicWrite';
import { gitCommonDir } from '../../../platform/git';
import type { CoordLauncher } from '../model/coordCommand';
import {
  CMD_LAUNCHER,
  LAUNCHER_CMD_NAME,
  LAUNCHER_NAME,
  LAUNCHER_TARGET_NAME,
  POSIX_LAUNCHER,
  launcherTargetText,
  parseLauncherTarget,
} from '../model/launcherScripts';

export interface InstalledLauncher {
  /** The folder agent terminals get on PATH. */
  dir: string;
  /** What to run: `coord` (sh), or `coord.cmd` on Windows. */
  path: string;
}

/** Where a repository's launcher lives: its git common dir, shared by every worktree, never committed. */
export async function repoLauncherDir(cwd: string, signal?: AbortSignal): Promise<string> {
  return join(await gitCommonDir(cwd, signal), 'coordinator', 'bin');
}

/**
 * Writes the launcher scripts into `dir` and points them at `target` (the program and its leading
 * arguments, e.g. the editor's runtime and its `dist/cli.js`). Files already right are left alone.
 */
export async function installLauncher(
  dir: string,
  target: readonly string[],
  platform: NodeJS.Platform = process.platform,
): Promise<InstalledLauncher> {
  await mkdir(dir, { recursive: true });
  const script = join(dir, LAUNCHER_NAME);
  await writeIfChanged(script, POSIX_LAUNCHER);
  await chmod(script, 0o755);
  await writeIfChanged(join(dir, LAUNCHER_CMD_NAME), CMD_LAUNCHER.replace(/\n/g, '\r\n'));
  await writeIfChanged(join(dir, LAUNCHER_TARGET_NAME), launcherTargetText(target));
  return launcherIn(dir, platform);
}

/**
 * The repository's launcher, installed when missing or when what it names is gone; a working
 * one is kept (the editor's target wins over a CLI that only needs a launcher to exist).
 */
export async function ensureRepoLauncher(
  cwd: string,
  target: readonly string[],
  signal?: AbortSignal,
): Promise<InstalledLauncher> {
  const dir = await repoLauncherDir(cwd, signal);
  const current = await readFile(join(dir, LAUNCHER_TARGET_NAME), 'utf8').catch(() => undefined);
  if (current !== undefined && (await allPathsExist(parseLauncherTarget(current)))) {
    const installed = await installLauncher(dir, parseLauncherTarget(current));
    return installed;
  }
  return installLauncher(dir, target);
}

/** How configs and hooks call the launcher. */
export function launcherCommand(installed: InstalledLauncher): CoordLauncher {
  return { command: [installed.path] };
}

function launcherIn(dir: string, platform: NodeJS.Platform): InstalledLauncher {
  return {
    dir,
    path: join(dir, platform === 'win32' ? LAUNCHER_CMD_NAME : LAUNCHER_NAME),
  };
}

async function writeIfChanged(path: string, text: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== text) {
    await writeFileAtomic(path, text);
  }
}

/** The target's absolute paths (program, script) all still there. */
async function allPathsExist(words: readonly string[]): Promise<boolean> {
  if (words.length === 0) {
    return false;
  }
  const paths = words.filter((word) => /^(\/|[A-Za-z]:[\\/])/.test(word));
  const present = await Promise.all(
    paths.map((path) =>
      access(path, constants.F_OK).then(
        () => true,
        () => false,
      ),
    ),
  );
  return present.every(Boolean);
}
