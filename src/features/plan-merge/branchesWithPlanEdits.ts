import { loadTaskFile } from '../../kernel/model/load';
import { posixQuote } from '../agents/model/shellQuoting';
import { blobIds, currentBranch, listBranchRefs, mergeBase, readBlobs } from '../../platform/git';
import { planChanges, type TaskChange } from './model/planChanges';
import { planFileInRepo } from './planFileInRepo';
import { mapLimit } from '../../kernel/async/mapLimit';

/** `git merge-base` processes at once: a repository with hundreds of branches must not spawn hundreds. */
const GIT_CONCURRENCY = 4;

/** A branch whose copy of the plan differs from the plan where it forked from the canonical checkout. */
export interface BranchWithPlanEdits {
  /** As people write it, and as `coord plan adopt` takes it: `feat/x`, `origin/feat/x`. */
  branch: string;
  remote: boolean;
  /** The plan's blob where the branch forked and at its tip: one set of edits, offered once. */
  forkBlob: string;
  tipBlob: string;
  /** The task changes the branch makes to the plan (empty when it only reformatted it). */
  changes: TaskChange[];
}

/**
 * The task branches, local and remote-tracking, that carry plan edits of their own: commits the
 * canonical checkout's HEAD does not have, whose task file differs from the one at their merge
 * base with it. Left out: the canonical checkout's own branch and its remote copy, and a
 * remote-tracking branch whose local branch exists (the local one is the one to adopt). Reads only.
 */
export async function branchesWithPlanEdits(
  taskFile: string,
  signal?: AbortSignal,
): Promise<BranchWithPlanEdits[]> {
  const plan = await planFileInRepo(taskFile);
  const canonical = await currentBranch(plan.root, signal);
  const refs = await listBranchRefs(plan.root, signal);
  const locals = new Set(refs.filter((ref) => !ref.remote).map((ref) => ref.name));
  const candidates = refs.filter((ref) => {
    if (!ref.remote) {
      return ref.worktreePath !== plan.root && ref.name !== canonical;
    }
    const local = localNameOf(ref.name);
    return local !== canonical && !locals.has(local);
  });
  const forks = await mapLimit(candidates, GIT_CONCURRENCY, (ref) =>
    mergeBase(plan.root, ref.ref, 'HEAD', { signal }),
  );
  const specs = candidates.flatMap((ref, index) => [
    `${forks[index] ?? ref.ref}:${plan.path}`,
    `${ref.ref}:${plan.path}`,
  ]);
  const blobs = await blobIds(plan.root, specs, signal);
  const found = candidates
    .map((ref, index) => ({
      ref,
      fork: forks[index],
      forkBlob: blobs[2 * index],
      tipBlob: blobs[2 * index + 1],
    }))
    .filter(
      (entry): entry is typeof entry & { fork: string; forkBlob: string; tipBlob: string } =>
        entry.fork !== undefined &&
        entry.forkBlob !== undefined &&
        entry.tipBlob !== undefined &&
        entry.forkBlob !== entry.tipBlob,
    );
  const texts = await readBlobs(
    plan.root,
    found.flatMap((entry) => [entry.forkBlob, entry.tipBlob]),
    signal,
  );
  return found.map((entry, index) => {
    const before = loadTaskFile(texts[2 * index] ?? '').model;
    const after = loadTaskFile(texts[2 * index + 1] ?? '').model;
    return {
      branch: entry.ref.name,
      remote: entry.ref.remote,
      forkBlob: entry.forkBlob,
      tipBlob: entry.tipBlob,
      changes: after ? planChanges(before, after) : [],
    };
  });
}

/** `origin/feat/x` → `feat/x`. */
export function localNameOf(remoteBranch: string): string {
  return remoteBranch.slice(remoteBranch.indexOf('/') + 1);
}

/** The exact command that moves a branch's plan edits onto the plan. */
export function adoptCommand(branch: string): string {
  return `coord plan adopt ${posixQuote(branch)}`;
}
