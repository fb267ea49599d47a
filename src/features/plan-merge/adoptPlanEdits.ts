import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import {
  gitAcceptsBranchName,
  indexedBlob,
  listBranchRefs,
  mergeBase,
  resolveObject,
  setIndexedBlob,
  updateRefChecked,
  writeBlob,
  writeFilesCommit,
} from '../../platform/git';
import type { TaskFileStore } from '../../platform/taskfile/store';
import { mergeTaskFiles } from './model/mergeTaskFiles';
import { planChanges, type TaskChange } from './model/planChanges';
import type { MergeNote } from './model/types';
import { loadTaskFile } from '../../kernel/model/load';
import { planFileInRepo, planTextAt } from './planFileInRepo';
import { adoptCommand, localNameOf } from './branchesWithPlanEdits';

export interface AdoptPlanEditsOptions {
  store: TaskFileStore;
  branch: string;
  signal?: AbortSignal;
}

export type AdoptPlanEditsResult =
  | { kind: 'none' }
  | {
      kind: 'adopted';
      /** The task changes the branch made to the plan, now in the canonical plan. */
      changes: TaskChange[];
      decisions: MergeNote[];
      /** The branch's new commit, which puts the plan back as the branch found it. */
      commit: string;
      /** The worktree of the branch, whose plan file and index entry were put back too. */
      worktree?: string;
      /** For a remote-tracking branch: the local branch made from it, to push. */
      createdLocal?: string;
    };

/**
 * Moves the plan edits a task branch carries onto the canonical plan and drops them from the
 * branch, so a merge that no custom driver sees (a server's merge button) never touches the plan:
 * the branch's plan is merged into the canonical file by the plan's field rules (through the
 * store), then a commit on the branch puts its task file back as it was where the branch forked.
 * A worktree that has the branch checked out gets the same file and index entry, only when its
 * copy of the plan has no changes of its own.
 */
export async function adoptPlanEdits(
  options: AdoptPlanEditsOptions,
): Promise<AdoptPlanEditsResult> {
  const plan = await planFileInRepo(options.store.filePath);
  const local = await localBranchFor(plan.root, options.branch, options.signal);
  const ref = `refs/heads/${local.branch}`;
  const tip = local.tip;
  const fork = await mergeBase(plan.root, tip, 'HEAD', { signal: options.signal });
  const [forkText, branchText] = await Promise.all([
    planTextAt(plan, fork, options.signal),
    planTextAt(plan, tip, options.signal),
  ]);
  if (branchText === undefined || forkText === branchText) {
    return { kind: 'none' };
  }
  if (forkText === undefined) {
    throw new CoordinatorError(
      'badInput',
      `${options.branch} adds ${plan.path}, which its fork point does not have; move it by hand`,
    );
  }
  const worktree = (await listBranchRefs(plan.root, options.signal)).find(
    (b) => b.ref === ref,
  )?.worktreePath;
  const branchBlob = await writeBlob(plan.root, branchText, options.signal);
  if (worktree && !(await worktreePlanClean(worktree, plan.path, branchBlob, options.signal))) {
    throw new CoordinatorError(
      'badInput',
      `${plan.path} has uncommitted changes in ${worktree}, where ${options.branch} is checked out; commit or drop them first`,
    );
  }
  const decisions: MergeNote[] = [];
  await options.store.applyText((current) => {
    const merged = mergeTaskFiles(forkText, current, branchText);
    if (merged.kind === 'conflict') {
      const where = merged.conflicts.map((c) => (c.path ? `${c.path}: ${c.message}` : c.message));
      throw new CoordinatorError(
        'planConflict',
        `${options.branch}'s plan edits and the plan cannot be merged: ${where.join('; ')}`,
      );
    }
    decisions.push(...merged.decisions);
    return merged.text;
  });
  const forkBlob = await writeBlob(plan.root, forkText, options.signal);
  const { commit } = await writeFilesCommit(
    plan.root,
    {
      baseTree: `${tip}^{tree}`,
      files: [{ path: plan.path, blob: forkBlob }],
      parents: [tip],
      message: `Move this branch's plan edits to the canonical plan\n\n${plan.path} is put back as the branch found it; its task changes are in the plan.\n`,
    },
    options.signal,
  );
  await updateRefChecked(
    plan.root,
    ref,
    commit,
    local.created ? undefined : tip,
    local.created ? `coord plan adopt: from ${options.branch}` : 'coord plan adopt',
    options.signal,
  );
  if (worktree) {
    await setIndexedBlob(worktree, plan.path, forkBlob, options.signal);
    await writeFile(join(worktree, plan.path), forkText);
  }
  const changes = planChanges(loadTaskFile(forkText).model, loadTaskFile(branchText).model!);
  return {
    kind: 'adopted',
    changes,
    decisions,
    commit,
    ...(worktree ? { worktree } : {}),
    ...(local.created ? { createdLocal: local.branch } : {}),
  };
}

/**
 * The local branch to adopt on: `branch` itself, or for a remote-tracking branch (`origin/feat/x`)
 * with no local branch of its name, a local `feat/x` to create, at the commit that drops the
 * edits from its tip (pushing it updates the pull request).
 */
async function localBranchFor(
  root: string,
  branch: string,
  signal?: AbortSignal,
): Promise<{ branch: string; tip: string; created?: true }> {
  if (!(await gitAcceptsBranchName(root, branch))) {
    throw new CoordinatorError('badInput', `"${branch}" is not a branch name`);
  }
  const tip = await resolveObject(root, `refs/heads/${branch}^{commit}`, signal);
  if (tip) {
    return { branch, tip };
  }
  const remoteTip = await resolveObject(root, `refs/remotes/${branch}^{commit}`, signal);
  if (!remoteTip) {
    throw new CoordinatorError('badInput', `no local or remote-tracking branch ${branch}`);
  }
  const name = localNameOf(branch);
  if (await resolveObject(root, `refs/heads/${name}^{commit}`, signal)) {
    throw new CoordinatorError(
      'badInput',
      `a local branch ${name} exists; move its plan edits instead: ${adoptCommand(name)}`,
    );
  }
  return { branch: name, tip: remoteTip, created: true };
}

/** The worktree's plan file and index entry are both the branch's committed version. */
async function worktreePlanClean(
  worktree: string,
  path: string,
  committed: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const [staged, text] = await Promise.all([
    indexedBlob(worktree, path, signal),
    readFile(join(worktree, path), 'utf8').catch(() => undefined),
  ]);
  return (
    staged === committed &&
    text !== undefined &&
    (await writeBlob(worktree, text, signal)) === committed
  );
}
