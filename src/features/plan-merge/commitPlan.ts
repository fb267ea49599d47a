import { join } from 'node:path';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { loadTaskFile } from '../../kernel/model/load';
import {
  changedFilesUnder,
  currentBranch,
  indexedBlob,
  isGitError,
  blobIds,
  resolveObject,
  restoreIndexedBlob,
  setIndexedBlob,
  updateRefChecked,
  writeBlob,
  writeBlobFromFile,
  writeFilesCommit,
  type TreeFile,
} from '../../platform/git';
import type { TaskFileStore } from '../../platform/taskfile/store';
import { planChanges, planCommitMessage, type TaskChange } from './model/planChanges';
import { planFileInRepo, planTextAt } from './planFileInRepo';

export interface CommitPlanOptions {
  store: TaskFileStore;
  /** The subject line; generated from the task changes when absent. */
  subject?: string;
  /** The snapshots folder (relative to the repository root) whose new and changed files go along. */
  snapshotsFolder?: string;
  signal?: AbortSignal;
}

export type CommitPlanResult =
  | { kind: 'nothing' }
  | {
      kind: 'committed';
      commit: string;
      /** `main`, or undefined on a detached HEAD. */
      branch: string | undefined;
      message: string;
      changes: TaskChange[];
      files: string[];
      /** Paths whose staged version the user had changed, so their index entry was left alone. */
      stagedLeftAlone: string[];
    };

/** How many times HEAD may move under the commit (someone committing at that moment) before giving up. */
const MAX_ATTEMPTS = 5;
/** Another writer holding the index or the branch (another commit of the plan) is waited for briefly. */
const LOCK_RETRY_MS = 40;
const INDEX_LOCK_TRIES = 25;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs an index update, again while another git process holds the index lock (a second or so). */
async function whenIndexFree(update: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await update();
    } catch (error) {
      if (!isGitError(error, 'lockContention') || attempt >= INDEX_LOCK_TRIES) {
        throw error;
      }
      await pause(LOCK_RETRY_MS);
    }
  }
}

/**
 * Commits the task file (and the snapshot files, when asked) alone on the branch checked out
 * where the task file lives, with a message listing the task changes since HEAD. The commit is
 * built in a temporary index seeded from HEAD and HEAD moves by a checked update, so the user's
 * staged changes stay staged and a commit made meanwhile is never lost. Afterwards the index
 * entries of the committed files follow the new commit, unless the user had staged other versions.
 */
export async function commitPlan(options: CommitPlanOptions): Promise<CommitPlanResult> {
  const plan = await planFileInRepo(options.store.filePath);
  const loaded = await options.store.read();
  if (loaded.broken || !loaded.model) {
    throw new CoordinatorError(
      'badInput',
      `${options.store.filePath} has errors, so it is not committed`,
    );
  }
  const snapshots = options.snapshotsFolder
    ? await changedFilesUnder(plan.root, options.snapshotsFolder, options.signal)
    : [];
  const files: TreeFile[] = [
    { path: plan.path, blob: await writeBlob(plan.root, loaded.text, options.signal) },
  ];
  for (const path of snapshots) {
    files.push({
      path,
      blob: await writeBlobFromFile(plan.root, join(plan.root, path), options.signal),
    });
  }
  for (let attempt = 1; ; attempt++) {
    const head = await resolveObject(plan.root, 'HEAD^{commit}', options.signal);
    const headBlobs = head
      ? await blobIds(
          plan.root,
          files.map((file) => `${head}:${file.path}`),
          options.signal,
        )
      : files.map(() => undefined);
    const changed = files.filter((file, index) => headBlobs[index] !== file.blob);
    if (changed.length === 0) {
      return { kind: 'nothing' };
    }
    const headText = await planTextAt(plan, head, options.signal);
    const before = headText === undefined ? undefined : loadTaskFile(headText).model;
    const changes = planChanges(before, loaded.model);
    const message = planCommitMessage(changes, options.subject);
    const { commit } = await writeFilesCommit(
      plan.root,
      { baseTree: head && `${head}^{tree}`, files: changed, parents: head ? [head] : [], message },
      options.signal,
    );
    // The index follows first, so a commit the user makes meanwhile already carries the plan
    // (ours then finds HEAD moved and nothing left to commit) rather than reverting it.
    const stagedLeftAlone: string[] = [];
    const followed: Followed[] = [];
    for (const file of changed) {
      const staged = await indexedBlob(plan.root, file.path, options.signal);
      if (staged === headBlobs[files.indexOf(file)] || staged === file.blob) {
        await whenIndexFree(() => setIndexedBlob(plan.root, file.path, file.blob, options.signal));
        followed.push({ path: file.path, staged, blob: file.blob });
      } else {
        stagedLeftAlone.push(file.path);
      }
    }
    try {
      await updateRefChecked(plan.root, 'HEAD', commit, head, 'coord commit-plan', options.signal);
    } catch (error) {
      await restoreFollowed(plan.root, followed, options.signal);
      if (isGitError(error, 'lockContention') && attempt < MAX_ATTEMPTS) {
        await pause(LOCK_RETRY_MS * attempt);
        continue;
      }
      if (isGitError(error, 'refMoved') && attempt < MAX_ATTEMPTS) {
        continue;
      }
      throw error;
    }
    return {
      kind: 'committed',
      commit,
      branch: await currentBranch(plan.root, options.signal),
      message,
      changes,
      files: changed.map((file) => file.path),
      stagedLeftAlone,
    };
  }
}

interface Followed {
  path: string;
  /** The index entry before ours, and ours. */
  staged: string | undefined;
  blob: string;
}

/**
 * Puts back the index entries a failed ref update had moved, except where that would undo
 * someone else: an entry changed since, or one that HEAD now has (another writer committed the
 * same plan first, and its index entry is already right).
 */
async function restoreFollowed(
  root: string,
  followed: readonly Followed[],
  signal?: AbortSignal,
): Promise<void> {
  const atHead = await blobIds(
    root,
    followed.map(({ path }) => `HEAD:${path}`),
    signal,
  );
  for (const [index, { path, staged, blob }] of followed.entries()) {
    if (atHead[index] !== blob && (await indexedBlob(root, path, signal)) === blob) {
      await whenIndexFree(() => restoreIndexedBlob(root, path, staged, signal));
    }
  }
}
