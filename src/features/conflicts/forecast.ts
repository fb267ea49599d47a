import { mapLimit } from '../../kernel/async/mapLimit';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { MergeTreeOutcome } from '../../kernel/git/mergeTreeOutput';
import type { TaskModel } from '../../kernel/model/types';
import {
  changedPaths,
  branchesContaining,
  conflictMarkerCounts,
  defaultBranch,
  isGitError,
  mergeBase,
  mergeCommitPairs,
  runGit,
  scratchObjects,
  snapshotWorktree,
  type MergeRefusal,
  type ScratchObjects,
  worktreeTopLevel,
} from '../../platform/git';
import { ForecastCache } from './forecastCache';
import { liveBranches, type BranchCandidate } from './liveBranches';
import { intersectingPairs } from './model/candidatePairs';
import type {
  ConflictedFile,
  ConflictForecast,
  LiveBranch,
  PairForecast,
  PairVerdict,
} from './model/types';

export interface ForecastOptions {
  /** Any folder inside the repository. */
  folder: string;
  /** The plan, for task branches and names; without it only worktree branches are compared. */
  model?: TaskModel;
  /** The branch everything merges into; the repository's default branch when absent or empty. */
  base?: string;
  signal?: AbortSignal;
}

/** Git processes at once while measuring branches: a few, so a small machine stays usable. */
const MEASURE_CONCURRENCY = 3;

interface Measured {
  live: LiveBranch;
  mergeBase: string;
  changes: string[];
}

/**
 * The pairwise conflict forecast: for every two live branches (uncommitted work included) and
 * for each branch against the base, whether merging both conflicts and where. Pairs whose
 * changes share no path are clean without a merge; the rest are merged in memory in one batch.
 * Results are cached per commit pair, so only pairs with a branch that moved are merged again.
 */
export async function forecastConflicts(options: ForecastOptions): Promise<ConflictForecast> {
  return withMeasuredBranches(
    options,
    async ({ folder, signal, base, baseCommit }, measured, tools) => {
      const { cache, objects, notes } = tools;
      const { pairs: candidates, disjoint } = intersectingPairs(measured.map((m) => m.changes));
      const toMerge: { a: string; b: string; overlap: string[]; commits: [string, string] }[] = [];
      for (const item of measured) {
        if (item.mergeBase === baseCommit) {
          continue; // The base has not moved since the branch left it: merging is a fast-forward.
        }
        const baseChanges = await changesBetween(
          folder,
          cache,
          item.mergeBase,
          baseCommit,
          objects,
          signal,
        );
        const mine = new Set(item.changes);
        const overlap = baseChanges.filter((path) => mine.has(path)).sort();
        if (overlap.length > 0) {
          toMerge.push({
            a: base,
            b: item.live.label,
            overlap,
            commits: [baseCommit, item.live.commit],
          });
        }
      }
      for (const pair of candidates) {
        const a = measured[pair.a] as Measured;
        const b = measured[pair.b] as Measured;
        toMerge.push({
          a: a.live.label,
          b: b.live.label,
          overlap: pair.overlap,
          commits: [a.live.commit, b.live.commit],
        });
      }
      const verdicts = await mergeVerdicts(
        folder,
        cache,
        toMerge.map((item) => item.commits),
        objects,
        signal,
      );
      const pairs: PairForecast[] = toMerge.map((item, index) => ({
        a: item.a,
        b: item.b,
        overlap: item.overlap,
        verdict: verdicts.verdicts[index] as PairVerdict,
      }));
      return {
        base,
        branches: measured.map((m) => m.live),
        pairs,
        disjointPairs: disjoint,
        mergedNow: verdicts.mergedNow,
        notes,
      };
    },
  );
}

/** What each live branch changed since it left the base (uncommitted work included). */
export async function liveBranchChanges(
  options: ForecastOptions,
): Promise<{ branch: LiveBranch; paths: string[] }[]> {
  return withMeasuredBranches(options, (_context, measured) =>
    Promise.resolve(measured.map((m) => ({ branch: m.live, paths: m.changes }))),
  );
}

interface ForecastContext {
  folder: string;
  signal?: AbortSignal;
  base: string;
  baseCommit: string;
}

interface ForecastTools {
  cache: ForecastCache;
  objects: ScratchObjects;
  notes: string[];
}

/**
 * Resolves the base and the live branches, snapshots uncommitted work and finds each branch's
 * changes, then runs `use` while the scratch object store still holds the snapshots; the cache
 * is saved and the store removed afterwards.
 */
async function withMeasuredBranches<T>(
  options: ForecastOptions,
  use: (context: ForecastContext, measured: Measured[], tools: ForecastTools) => Promise<T>,
): Promise<T> {
  const { folder, signal } = options;
  // The set-up calls do not depend on each other beyond the base, so they run at once: on a
  // busy machine each git process costs tens of milliseconds.
  const [topLevel, base] = await Promise.all([
    worktreeTopLevel(folder, signal),
    // An empty setting means "the default branch", as it does for starting tasks.
    options.base?.trim() || defaultBranch(folder, signal).catch(() => undefined),
  ]);
  if (!topLevel) {
    throw new CoordinatorError('badInput', `Not inside a git repository: ${folder}`);
  }
  if (!base) {
    throw new CoordinatorError('badInput', 'No base branch: pass --base BRANCH.');
  }
  const settled = await Promise.allSettled([
    commitOf(folder, base, signal).then(async (commit) => ({
      commit,
      containing: await branchesContaining(folder, commit, signal),
    })),
    liveBranches(folder, options.model, base, signal),
    ForecastCache.open(folder, signal),
    scratchObjects(folder, signal),
  ] as const);
  const [resolvedBase, liveFound, openedCache, scratch] = settled;
  if (
    resolvedBase.status === 'rejected' ||
    liveFound.status === 'rejected' ||
    openedCache.status === 'rejected' ||
    scratch.status === 'rejected'
  ) {
    if (scratch.status === 'fulfilled') {
      await scratch.value.dispose();
    }
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    throw (failed as PromiseRejectedResult).reason;
  }
  const { commit: baseCommit, containing: containsBase } = resolvedBase.value;
  const found = liveFound.value;
  const notes = [...found.notes];
  const cache = openedCache.value;
  const objects = scratch.value;
  try {
    const measureOne = async (candidate: BranchCandidate): Promise<Measured | string> => {
      const live = await withUncommittedWork(candidate, objects, notes, signal);
      // Uncommitted work sits on the branch's commit, so it shares the branch's merge base.
      const common = containsBase.has(candidate.branch)
        ? baseCommit
        : await mergeBaseOf(folder, cache, baseCommit, candidate.commit, signal);
      if (!common) {
        return `${live.label}: ${live.branch} shares no history with ${base}: left out`;
      }
      const changes = await changesBetween(folder, cache, common, live.commit, objects, signal);
      return { live, mergeBase: common, changes };
    };
    const measured: Measured[] = [];
    for (const outcome of await mapLimit(found.branches, MEASURE_CONCURRENCY, measureOne)) {
      if (typeof outcome === 'string') {
        notes.push(outcome);
      } else {
        measured.push(outcome);
      }
    }
    const result = await use({ folder, signal, base, baseCommit }, measured, {
      cache,
      objects,
      notes,
    });
    await cache.save().catch(() => undefined);
    return result;
  } finally {
    await objects.dispose();
  }
}

async function commitOf(folder: string, branch: string, signal?: AbortSignal): Promise<string> {
  const result = await runGit(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${branch}^{commit}`],
    { cwd: folder, signal, readOnly: true, okExitCodes: [1] },
  );
  const commit = result.stdout.trim();
  if (result.exitCode !== 0 || !commit) {
    throw new CoordinatorError('badInput', `The base branch "${branch}" does not exist.`);
  }
  return commit;
}

/** The branch as its worktree has it on disk, when its worktree is still on that commit. */
async function withUncommittedWork(
  candidate: BranchCandidate,
  objects: ScratchObjects,
  notes: string[],
  signal?: AbortSignal,
): Promise<LiveBranch> {
  const live: LiveBranch = {
    label: candidate.label,
    branch: candidate.branch,
    commit: candidate.commit,
    ...(candidate.taskKey ? { taskKey: candidate.taskKey } : {}),
    ...(candidate.worktree ? { worktree: candidate.worktree } : {}),
  };
  if (!candidate.worktree) {
    return live;
  }
  try {
    const snapshot = await snapshotWorktree(candidate.worktree, candidate.commit, objects, signal);
    return snapshot === candidate.commit
      ? live
      : { ...live, commit: snapshot, uncommittedIn: candidate.worktree };
  } catch (error) {
    if (isGitError(error, 'cancelled')) {
      throw error;
    }
    notes.push(
      `${candidate.label}: uncommitted work in ${candidate.worktree} could not be read (${error instanceof Error ? error.message : String(error)}): its last commit is used`,
    );
    return live;
  }
}

async function mergeBaseOf(
  folder: string,
  cache: ForecastCache,
  baseCommit: string,
  commit: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const cached = cache.mergeBase(baseCommit, commit);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const found = await mergeBase(folder, baseCommit, commit, { signal });
  cache.setMergeBase(baseCommit, commit, found ?? null);
  return found;
}

async function changesBetween(
  folder: string,
  cache: ForecastCache,
  from: string,
  to: string,
  objects: ScratchObjects,
  signal?: AbortSignal,
): Promise<string[]> {
  const cached = cache.changes(from, to);
  if (cached) {
    return cached;
  }
  const paths = await changedPaths(folder, from, to, { signal, env: objects.env });
  cache.setChanges(from, to, paths);
  return paths;
}

async function mergeVerdicts(
  folder: string,
  cache: ForecastCache,
  pairs: readonly [string, string][],
  objects: ScratchObjects,
  signal?: AbortSignal,
): Promise<{ verdicts: PairVerdict[]; mergedNow: number }> {
  const verdicts: (PairVerdict | undefined)[] = pairs.map(([a, b]) => cache.merge(a, b));
  const missing = pairs
    .map((pair, index) => ({ pair, index }))
    .filter(({ index }) => verdicts[index] === undefined);
  const outcomes = await mergeCommitPairs(
    folder,
    missing.map(({ pair }) => pair),
    { signal, env: objects.env },
  );
  const conflicted = outcomes.filter(
    (outcome): outcome is MergeTreeOutcome => 'tree' in outcome && !outcome.clean,
  );
  const hunks = await conflictMarkerCounts(
    folder,
    conflicted.map((outcome) => ({ tree: outcome.tree, paths: outcome.conflictedPaths })),
    { signal, env: objects.env },
  );
  for (const [position, { pair, index }] of missing.entries()) {
    const verdict = verdictOf(outcomes[position], hunks);
    cache.setMerge(pair[0], pair[1], verdict);
    verdicts[index] = verdict;
  }
  return { verdicts: verdicts as PairVerdict[], mergedNow: missing.length };
}

function verdictOf(
  outcome: MergeTreeOutcome | MergeRefusal | undefined,
  hunksByTree: Map<string, Map<string, number>>,
): PairVerdict {
  if (!outcome) {
    return { status: 'error', message: 'git gave no answer for this pair' };
  }
  if ('refused' in outcome) {
    return { status: 'error', message: outcome.refused };
  }
  if (outcome.clean) {
    return { status: 'clean', via: 'merge' };
  }
  const hunks = hunksByTree.get(outcome.tree) ?? new Map<string, number>();
  const kinds = new Map<string, Set<string>>();
  for (const conflict of outcome.conflicts) {
    const kind = /\(([^)]+)\)/.exec(conflict.type)?.[1] ?? conflict.type;
    for (const path of conflict.paths) {
      const set = kinds.get(path) ?? new Set<string>();
      set.add(kind === 'contents' ? 'content' : kind);
      kinds.set(path, set);
    }
  }
  const files: ConflictedFile[] = outcome.conflictedPaths.map((path) => ({
    path,
    hunks: hunks.get(path) ?? 0,
    kinds: [...(kinds.get(path) ?? [])].sort(),
  }));
  return { status: 'conflict', files };
}
