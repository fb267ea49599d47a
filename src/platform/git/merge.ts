import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMergeTreeOutput, type MergeTreeOutcome } from '../../kernel/git/mergeTreeOutput';
import { isGitError } from './errors';
import { runGit } from './exec';

/** Where objects written by a forecast go: a temporary store that borrows the repository's. */
export interface ScratchObjects {
  readonly env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

/**
 * A temporary object directory for merges and snapshots: git writes new objects there and reads
 * the repository's through the alternates variable, so nothing lands in the repository.
 */
export async function scratchObjects(cwd: string, signal?: AbortSignal): Promise<ScratchObjects> {
  const objects = (
    await runGit(['rev-parse', '--path-format=absolute', '--git-path', 'objects'], {
      cwd,
      signal,
      readOnly: true,
    })
  ).stdout.trim();
  const folder = await mkdtemp(join(tmpdir(), 'coord-objects-'));
  return {
    env: { GIT_OBJECT_DIRECTORY: folder, GIT_ALTERNATE_OBJECT_DIRECTORIES: objects },
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}

export interface MergeRunOptions {
  readonly signal?: AbortSignal;
  readonly env?: Readonly<Record<string, string>>;
}

/** Asked of git once per process: the answer depends only on the installed git. */
let stdinSupported: boolean | undefined;

/** Whether this git batches merges (`merge-tree --stdin`, git 2.40 and some 2.39 builds). */
async function mergeTreeTakesStdin(cwd: string, signal?: AbortSignal): Promise<boolean> {
  if (stdinSupported !== undefined) {
    return stdinSupported;
  }
  const supported = await runGit(['merge-tree', '--write-tree', '--stdin'], {
    cwd,
    signal,
    readOnly: true,
    input: '',
  }).then(
    () => true,
    () => false,
  );
  stdinSupported = supported;
  return supported;
}

/** A pair that git refused to merge, with git's own words. */
export interface MergeRefusal {
  refused: string;
}

/**
 * Merges each pair of commits in memory (`git merge-tree --write-tree`), in one batch when git
 * can; a batch that git refuses (unrelated histories) is retried pair by pair so only the bad
 * pair carries the refusal. No checkout, index or ref is touched.
 */
export async function mergeCommitPairs(
  cwd: string,
  pairs: readonly (readonly [string, string])[],
  options: MergeRunOptions = {},
): Promise<(MergeTreeOutcome | MergeRefusal)[]> {
  if (pairs.length === 0) {
    return [];
  }
  if (pairs.length > 1 && (await mergeTreeTakesStdin(cwd, options.signal))) {
    try {
      const result = await runGit(['merge-tree', '--write-tree', '--name-only', '-z', '--stdin'], {
        cwd,
        signal: options.signal,
        env: options.env,
        readOnly: true,
        input: pairs.map(([a, b]) => `${a} ${b}\n`).join(''),
      });
      const outcomes = parseMergeTreeOutput(result.stdout, true);
      if (outcomes.length === pairs.length) {
        return outcomes;
      }
    } catch (error) {
      if (isGitError(error, 'cancelled')) {
        throw error;
      }
    }
  }
  const outcomes: (MergeTreeOutcome | MergeRefusal)[] = [];
  for (const [a, b] of pairs) {
    outcomes.push(await mergeOnePair(cwd, a, b, options));
  }
  return outcomes;
}

async function mergeOnePair(
  cwd: string,
  a: string,
  b: string,
  options: MergeRunOptions,
): Promise<MergeTreeOutcome | MergeRefusal> {
  try {
    const result = await runGit(['merge-tree', '--write-tree', '--name-only', '-z', a, b], {
      cwd,
      signal: options.signal,
      env: options.env,
      readOnly: true,
      okExitCodes: [1],
    });
    const [outcome] = parseMergeTreeOutput(result.stdout, false, result.exitCode === 0);
    return outcome ?? { refused: 'git merge-tree printed nothing' };
  } catch (error) {
    if (isGitError(error) && error.reason !== 'cancelled' && error.reason !== 'gitMissing') {
      const stderr = error.failure?.stderr.trim().split('\n')[0] ?? error.message;
      return { refused: stderr.replace(/^fatal: /, '') };
    }
    throw error;
  }
}

/** Trees at most per `git grep`, to stay far below the command line limit. */
const GREP_BATCH = 100;

/**
 * Conflict blocks (`<<<<<<<` lines) per tree and path in merged trees, for all the trees in a
 * few `git grep` runs; only the paths asked for each tree count, and paths without any are left out.
 */
export async function conflictMarkerCounts(
  cwd: string,
  trees: readonly { tree: string; paths: readonly string[] }[],
  options: MergeRunOptions = {},
): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  const wanted = trees.filter((entry) => entry.paths.length > 0);
  for (let at = 0; at < wanted.length; at += GREP_BATCH) {
    const batch = wanted.slice(at, at + GREP_BATCH);
    const asked = new Map(batch.map((entry) => [entry.tree, new Set(entry.paths)]));
    const paths = [...new Set(batch.flatMap((entry) => entry.paths))];
    const result = await runGit(
      ['grep', '--no-color', '-z', '-c', '-I', '-e', '^<<<<<<< ', ...asked.keys(), '--', ...paths],
      { cwd, signal: options.signal, env: options.env, readOnly: true, okExitCodes: [1] },
    );
    // `<tree>:<path>\0<count>\n` per file with a match.
    for (const line of result.stdout.split('\n')) {
      const [name, count] = line.split('\0');
      const colon = name?.indexOf(':') ?? -1;
      if (!name || !count || colon < 0) {
        continue;
      }
      const tree = name.slice(0, colon);
      const path = name.slice(colon + 1);
      if (asked.get(tree)?.has(path)) {
        const perTree = counts.get(tree) ?? new Map<string, number>();
        perTree.set(path, Number(count));
        counts.set(tree, perTree);
      }
    }
  }
  return counts;
}

/** Branches (short names) whose history contains the commit: it is their merge base with it. */
export async function branchesContaining(
  cwd: string,
  commit: string,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const result = await runGit(
    ['for-each-ref', '--format=%(refname:short)', '--contains', commit, 'refs/heads/'],
    { cwd, signal, readOnly: true },
  );
  return new Set(result.stdout.split('\n').filter((line) => line.length > 0));
}

/** The common ancestor of two commits, or undefined for unrelated histories. */
export async function mergeBase(
  cwd: string,
  a: string,
  b: string,
  options: MergeRunOptions = {},
): Promise<string | undefined> {
  const result = await runGit(['merge-base', a, b], {
    cwd,
    signal: options.signal,
    env: options.env,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** Paths that differ between two commits or trees, renames seen as a delete and an add. */
export async function changedPaths(
  cwd: string,
  from: string,
  to: string,
  options: MergeRunOptions = {},
): Promise<string[]> {
  const result = await runGit(['diff', '--name-only', '-z', '--no-renames', from, to, '--'], {
    cwd,
    signal: options.signal,
    env: options.env,
    readOnly: true,
  });
  return result.stdout.split('\0').filter((path) => path.length > 0);
}

/** Fixed names and dates, so the same uncommitted work always gives the same commit id. */
const SNAPSHOT_IDENTITY = {
  GIT_AUTHOR_NAME: 'coordinator',
  GIT_AUTHOR_EMAIL: 'coordinator@localhost',
  GIT_AUTHOR_DATE: '1700000000 +0000',
  GIT_COMMITTER_NAME: 'coordinator',
  GIT_COMMITTER_EMAIL: 'coordinator@localhost',
  GIT_COMMITTER_DATE: '1700000000 +0000',
};

/**
 * A commit of a worktree's files as they are on disk, uncommitted changes and untracked files
 * included, built through a temporary copy of its index so the worktree's own index is never
 * written. Objects go to `objects` (a scratch store). Returns HEAD itself when nothing differs.
 */
export async function snapshotWorktree(
  worktree: string,
  head: string,
  objects: ScratchObjects,
  signal?: AbortSignal,
): Promise<string> {
  const indexPath = (
    await runGit(['rev-parse', '--path-format=absolute', '--git-path', 'index'], {
      cwd: worktree,
      signal,
      readOnly: true,
    })
  ).stdout.trim();
  const scratch = await mkdtemp(join(tmpdir(), 'coord-index-'));
  const tempIndex = join(scratch, 'index');
  try {
    // Starting from a copy keeps the stat cache, so unchanged files are not hashed again.
    await copyFile(indexPath, tempIndex).catch(() => undefined);
    const env = { ...objects.env, GIT_INDEX_FILE: tempIndex };
    await runGit(['add', '-A', '--', '.'], { cwd: worktree, signal, env });
    const tree = (await runGit(['write-tree'], { cwd: worktree, signal, env })).stdout.trim();
    const headTree = (
      await runGit(['rev-parse', `${head}^{tree}`], { cwd: worktree, signal, readOnly: true })
    ).stdout.trim();
    if (tree === headTree) {
      return head;
    }
    const commit = await runGit(
      ['commit-tree', tree, '-p', head, '-m', 'uncommitted work (forecast only)'],
      { cwd: worktree, signal, env: { ...objects.env, ...SNAPSHOT_IDENTITY } },
    );
    return commit.stdout.trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
