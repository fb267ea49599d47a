import { dirname, relative, sep } from 'node:path';
import { readBlobs, worktreeTopLevel } from '../../platform/git';
import { NotARepositoryError } from './setupMergeDriver';

/** The task file as git sees it: the worktree holding it and its `/`-separated path there. */
export interface PlanFileInRepo {
  root: string;
  path: string;
}

export async function planFileInRepo(taskFile: string): Promise<PlanFileInRepo> {
  const root = await worktreeTopLevel(dirname(taskFile));
  if (!root) {
    throw new NotARepositoryError(taskFile);
  }
  return { root, path: relative(root, taskFile).split(sep).join('/') };
}

/** The plan's text in the commit `rev`, or undefined when it has none. */
export async function planTextAt(
  plan: PlanFileInRepo,
  rev: string | undefined,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (!rev) {
    return undefined;
  }
  const [text] = await readBlobs(plan.root, [`${rev}:${plan.path}`], signal);
  return text;
}
