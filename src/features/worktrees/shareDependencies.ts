import { mkdir, readdir, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isPathInside } from '../../kernel/git/worktreePorcelain';
import { cloneTree, cloneWorks, type CloneMethod } from '../../platform/files/cloneTree';
import { GitError } from '../../platform/git/errors';
import { isIgnored } from '../../platform/git/files';
import {
  copiedInHardlinkedTree,
  hardlinksAreSafe,
  isVirtualEnvironment,
  sharedFolderName,
  sharedFolderProblem,
  VIRTUAL_ENV_REASON,
  type SharedDependency,
} from './model/sharedDependencies';
import { lstatOptional } from '../../platform/files/lstatOptional';

export interface ShareDependenciesInput {
  mainRoot: string;
  worktreePath: string;
  /** `coordinator.worktrees.sharedDependencies`. */
  folders: readonly string[];
  /** Registers how to remove a folder this run made, so a failed start takes it back. */
  onCreated: (label: string, undo: () => Promise<void>) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Prepares each named folder of the main checkout in a linked worktree (new, adopted or made by
 * hand; never the main checkout itself): a copy-on-write clone where the filesystem can, else
 * hardlinks where they are safe (`node_modules`), else nothing (the setup command installs it). Says for each folder what was done and why.
 */
export async function shareDependencies(
  input: ShareDependenciesInput,
): Promise<SharedDependency[]> {
  if ((await realpath(input.worktreePath)) === (await realpath(input.mainRoot))) {
    throw new GitError(
      'notAWorktree',
      `${input.worktreePath} is the main checkout: shared folders are prepared from it, never into it.`,
    );
  }
  const results: SharedDependency[] = [];
  const seen = new Set<string>();
  for (const entry of input.folders) {
    const folder = sharedFolderName(entry);
    if (seen.has(folder)) {
      continue;
    }
    seen.add(folder);
    results.push(await shareOne(input, folder));
  }
  return results;
}

async function shareOne(input: ShareDependenciesInput, folder: string): Promise<SharedDependency> {
  const skipped = (reason: string): SharedDependency => ({ folder, method: 'skipped', reason });
  const problem = sharedFolderProblem(folder);
  if (problem) {
    return skipped(`coordinator.worktrees.sharedDependencies: "${folder}" ${problem}`);
  }
  const source = join(input.mainRoot, folder);
  const found = await lstatOptional(source);
  if (!found) {
    return skipped('the main checkout has none');
  }
  if (!found.isDirectory()) {
    return skipped('it is not a folder in the main checkout');
  }
  if (
    isVirtualEnvironment(folder, (await lstatOptional(join(source, 'pyvenv.cfg'))) !== undefined)
  ) {
    return skipped(VIRTUAL_ENV_REASON);
  }
  if (!isPathInside(await realpath(source), input.mainRoot)) {
    return skipped('it leads outside the main checkout');
  }
  const target = join(input.worktreePath, folder);
  if (await lstatOptional(target)) {
    return skipped('the worktree already has it');
  }
  if (!(await isIgnored(input.mainRoot, folder, input.signal))) {
    return skipped(
      'git does not ignore it, so the copy would show as changes; add it to .gitignore',
    );
  }
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  if (!isPathInside(await realpath(parent), await realpath(input.worktreePath))) {
    return skipped(`the checkout's ${dirname(folder)} leads outside the worktree`);
  }

  const method = await chooseMethod(folder, source, parent);
  if (method === 'empty') {
    return skipped('it has no files in the main checkout');
  }
  if (method === 'setup') {
    return {
      folder,
      method,
      reason: hardlinksAreSafe(folder)
        ? 'this filesystem can neither clone copy-on-write nor hardlink it here'
        : 'this filesystem cannot clone copy-on-write, and hardlinks are safe only for node_modules',
    };
  }
  const now = input.now ?? Date.now;
  const started = now();
  const partial = join(parent, `.${basename(target)}.coord-partial`);
  await rm(partial, { recursive: true, force: true });
  let count;
  try {
    count = await cloneTree(source, partial, {
      method,
      copyInstead: method === 'hardlink' ? copiedInHardlinkedTree : undefined,
      signal: input.signal,
    });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  input.onCreated(`${method === 'reflink' ? 'cloned' : 'hardlinked'} ${folder}`, () =>
    rm(target, { recursive: true, force: true }),
  );
  return { folder, method, files: count.files, ms: now() - started };
}

async function chooseMethod(
  folder: string,
  source: string,
  targetParent: string,
): Promise<Exclude<CloneMethod, 'copy'> | 'setup' | 'empty'> {
  const sample = await firstFile(source);
  if (!sample) {
    return 'empty';
  }
  if (await cloneWorks(sample, targetParent, 'reflink')) {
    return 'reflink';
  }
  if (hardlinksAreSafe(folder) && (await cloneWorks(sample, targetParent, 'hardlink'))) {
    return 'hardlink';
  }
  return 'setup';
}

/** Some regular file in the tree, breadth first, to try a method on. */
async function firstFile(root: string): Promise<string | undefined> {
  const queue = [root];
  while (queue.length > 0) {
    const folder = queue.shift() as string;
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isFile()) {
        return path;
      }
      if (entry.isDirectory()) {
        queue.push(path);
      }
    }
  }
  return undefined;
}
