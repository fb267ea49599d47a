import type { BranchRef } from '../../kernel/git/branchRefs';
import { loadTaskFile } from '../../kernel/model/load';
import type { TaskModel } from '../../kernel/model/types';
import { fetchAllRemotes, listBranchRefs, readBlobs } from '../../platform/git';
import { branchDrift, type BranchDrift, type BranchPlan } from './model/branchDrift';
import { planFileInRepo } from './planFileInRepo';

export interface BranchPlansOptions {
  /** Fetch every remote first, so remote-tracking branches are current. */
  fetch?: boolean;
  signal?: AbortSignal;
}

/**
 * The task file as every local and remote-tracking branch has it, read in one `git cat-file
 * --batch`, compared with the canonical plan. Reads only: nothing is written to any branch.
 * The branch checked out where the canonical file lives is that file's own history, so it is left
 * out, as is a remote-tracking branch that holds the same plan as the local branch of its name.
 */
export async function planAcrossBranches(
  taskFile: string,
  canonical: TaskModel,
  options: BranchPlansOptions = {},
): Promise<BranchDrift> {
  const plan = await planFileInRepo(taskFile);
  if (options.fetch) {
    await fetchAllRemotes(plan.root, options.signal);
  }
  const branches = (await listBranchRefs(plan.root, options.signal)).filter(
    (branch) => branch.worktreePath !== plan.root,
  );
  const texts = await readBlobs(
    plan.root,
    branches.map((branch) => `${branch.ref}:${plan.path}`),
    options.signal,
  );
  const localText = new Map<string, string | undefined>();
  branches.forEach((branch, index) => {
    if (!branch.remote) {
      localText.set(branch.name, texts[index]);
    }
  });
  const models = new Map<string, TaskModel | undefined>();
  const read: BranchPlan[] = [];
  branches.forEach((branch, index) => {
    const text = texts[index];
    if (text === undefined || (branch.remote && localText.get(localName(branch)) === text)) {
      return;
    }
    if (!models.has(text)) {
      models.set(text, loadTaskFile(text).model);
    }
    read.push({ branch, model: models.get(text) });
  });
  return branchDrift(canonical, read);
}

/** `origin/feat/x` → `feat/x`. */
function localName(branch: BranchRef): string {
  return branch.name.slice(branch.name.indexOf('/') + 1);
}
