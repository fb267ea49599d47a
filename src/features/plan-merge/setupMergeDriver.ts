import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import {
  attributesLine,
  driverCommandLine,
  driverConfigKeys,
  MERGE_DRIVER,
  MERGE_DRIVER_NAME,
  withAttributesLine,
  type CoordLauncher,
} from './model/driverSetup';
import {
  attributeValue,
  localConfigValue,
  setLocalConfig,
  worktreeTopLevel,
} from '../../platform/git';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';

export interface MergeDriverState {
  /** The worktree the attribute and config were looked up in. */
  root: string;
  /** The task file's path relative to `root`, `/`-separated. */
  taskFilePath: string;
  /** `.gitattributes` gives the task file `merge=coord-plan`. */
  attribute: boolean;
  /** The local git config defines the driver (git never shares it through a clone). */
  driver: string | undefined;
}

export class NotARepositoryError extends CoordinatorError {
  constructor(path: string) {
    super('notARepository', `${path} is not inside a git repository`);
    this.name = 'NotARepositoryError';
  }
}

/** Whether the task file's merge driver is wired in the repository of `cwd`. */
export async function mergeDriverState(cwd: string, taskFile: string): Promise<MergeDriverState> {
  const root = await worktreeTopLevel(cwd);
  const fileRoot = await worktreeTopLevel(join(taskFile, '..'));
  if (!root || !fileRoot) {
    throw new NotARepositoryError(root ? taskFile : cwd);
  }
  // The same path in every worktree: the canonical file may sit in the main worktree.
  const taskFilePath = relative(fileRoot, taskFile).split(sep).join('/');
  const [attribute, driver] = await Promise.all([
    attributeValue(root, taskFilePath, 'merge'),
    localConfigValue(root, driverConfigKeys.driver),
  ]);
  return { root, taskFilePath, attribute: attribute === MERGE_DRIVER, driver };
}

export interface MergeDriverSetup extends MergeDriverState {
  attributesFile: string;
  /** The line added to `.gitattributes`, when it was missing. */
  addedLine?: string;
  /** The driver command written to the local config. */
  driver: string;
}

/**
 * Adds the `.gitattributes` line (for the user to commit) when git does not already give the task
 * file the driver, and writes the driver into the local git config. Running it again changes
 * nothing but a driver command that moved.
 */
export async function setupMergeDriver(
  cwd: string,
  taskFile: string,
  launcher: CoordLauncher,
): Promise<MergeDriverSetup> {
  const state = await mergeDriverState(cwd, taskFile);
  const attributesFile = join(state.root, '.gitattributes');
  let addedLine: string | undefined;
  if (!state.attribute) {
    addedLine = attributesLine(state.taskFilePath);
    await writeFile(
      attributesFile,
      withAttributesLine(await readOptional(attributesFile), addedLine),
    );
  }
  const driver = driverCommandLine(launcher);
  await setLocalConfig(state.root, driverConfigKeys.name, MERGE_DRIVER_NAME);
  await setLocalConfig(state.root, driverConfigKeys.driver, driver);
  return { ...state, attribute: true, attributesFile, addedLine, driver };
}

async function readOptional(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return '';
    }
    throw error;
  }
}

/** Points the local driver config at `launcher` (the `.gitattributes` line is left alone). */
export async function updateMergeDriverCommand(
  root: string,
  launcher: CoordLauncher,
): Promise<string> {
  const driver = driverCommandLine(launcher);
  await setLocalConfig(root, driverConfigKeys.driver, driver);
  return driver;
}
