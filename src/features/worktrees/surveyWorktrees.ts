import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import type { TaskModel } from '../../kernel/model/types';
import { folderSize } from '../../platform/files/folderSize';
import { defaultBranch } from '../../platform/git/refs';
import { lastCommit, unpushedCount, worktreeStatus } from '../../platform/git/status';
import { listWorktrees } from '../../platform/git/worktrees';
import { processesInside } from '../../platform/process/processCwds';
import { mapWithLimit } from './concurrency';
import { linkedTasks } from './list';
import { branchMerged } from './mergedWork';
import {
  judgeWorktree,
  type BranchPullRequest,
  type ReapVerdict,
  type WorktreeFacts,
} from './model/reapVerdict';

export interface SurveyOptions {
  /** Any folder of the repository. */
  cwd: string;
  /** Default: the repository's default branch. */
  base?: string;
  abandonedDays: number;
  /** The plan, to name the tasks worked in each worktree. */
  model?: TaskModel;
  /** Also measure each worktree's size on disk (walks every file). */
  sizes?: boolean;
  /**
   * Each branch's pull request on GitHub (merged, closed or open), when a GitHub client is
   * configured; a failure is noted and the survey goes on without the PR classes.
   */
  pullRequests?: (branches: readonly string[]) => Promise<ReadonlyMap<string, BranchPullRequest>>;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface Survey {
  mainRoot: string;
  base?: string;
  entries: WorktreeEntry[];
  verdicts: ReapVerdict[];
  /** What could not be read, e.g. the pull requests when GitHub did not answer. */
  notes: string[];
}

const PARALLEL_GIT = 4;

/** The repository a survey covers: every worktree git lists, the main one first, and the base. */
export interface SurveyScope {
  mainRoot: string;
  base?: string;
  entries: WorktreeEntry[];
  /** The worktrees a survey judges: every one but the main checkout (and a bare repository). */
  linked: WorktreeEntry[];
}

export async function surveyScope(options: SurveyOptions): Promise<SurveyScope> {
  const entries = await listWorktrees(options.cwd, options.signal);
  const mainRoot = entries[0]?.path ?? options.cwd;
  const base = options.base ?? (await defaultBranch(mainRoot, options.signal));
  const linked = entries.filter((entry) => !entry.main && !entry.bare);
  return { mainRoot, base, entries, linked };
}

/**
 * Every linked worktree of the repository, whoever made it, judged for the reaper: merged,
 * abandoned, dirty, unpushed, in use by a process, locked, or gone.
 */
export async function surveyWorktrees(options: SurveyOptions): Promise<Survey> {
  const { mainRoot, base, entries, linked } = await surveyScope(options);
  const facts = await mapWithLimit(linked, PARALLEL_GIT, (entry) =>
    readFacts(entry, mainRoot, base, options),
  );
  const notes: string[] = [];
  const [, pulls] = await Promise.all([
    addProcesses(facts),
    pullRequestsOf(linked, options, notes),
  ]);
  return {
    mainRoot,
    base,
    entries,
    verdicts: facts.map((fact) => judgeNow(withPullRequest(fact, pulls), options)),
    notes,
  };
}

/** Judges facts as of now, by the options' abandonment age. */
export function judgeNow(facts: WorktreeFacts, options: SurveyOptions): ReapVerdict {
  const now = (options.now ?? (() => new Date()))().getTime();
  return judgeWorktree(facts, { now, abandonedDays: options.abandonedDays });
}

/**
 * The pull request of each worktree's branch, asked once for all of them. A failure is noted and
 * nothing is known, so no worktree gets a pull request class.
 */
export async function pullRequestsOf(
  entries: readonly WorktreeEntry[],
  options: SurveyOptions,
  notes: string[],
): Promise<ReadonlyMap<string, BranchPullRequest>> {
  const branches = entries.flatMap((entry) =>
    entry.prunable || !entry.branch ? [] : [entry.branch],
  );
  if (!options.pullRequests || branches.length === 0) {
    return new Map();
  }
  try {
    return await options.pullRequests(branches);
  } catch (error) {
    notes.push(
      `Pull requests not checked: ${error instanceof Error ? error.message : String(error)}`,
    );
    return new Map();
  }
}

/** The facts with their branch's pull request, when it has one. */
export function withPullRequest(
  facts: WorktreeFacts,
  pulls: ReadonlyMap<string, BranchPullRequest>,
): WorktreeFacts {
  const pr = facts.prunable || facts.branch === undefined ? undefined : pulls.get(facts.branch);
  if (pr) {
    facts.pullRequest = { number: pr.number, state: pr.state, url: pr.url };
  }
  return facts;
}

/** What git and the file system say of one worktree (everything but processes and its PR). */
export async function readFacts(
  entry: WorktreeEntry,
  mainRoot: string,
  base: string | undefined,
  options: SurveyOptions,
): Promise<WorktreeFacts> {
  const { signal } = options;
  const facts: WorktreeFacts = {
    path: entry.path,
    branch: entry.branch,
    head: entry.head,
    prunable: Boolean(entry.prunable),
    locked: entry.locked,
    taskKeys: options.model
      ? linkedTasks(entry, options.model, mainRoot).map((task) => task.key)
      : [],
    dirtyCount: 0,
    unpushed: 0,
    merged: false,
  };
  if (entry.prunable) {
    return facts;
  }
  // Read before git looks, in case a look touches them.
  const touched = await lastTouched(entry.path);
  const [status, unpushed, merged, commit, bytes] = await Promise.all([
    worktreeStatus(entry.path, signal),
    base && entry.head ? unpushedCount(entry.path, base, signal) : 0,
    branchMerged(mainRoot, entry, base, signal),
    entry.head ? lastCommit(entry.path, signal).catch(() => undefined) : undefined,
    options.sizes ? folderSize(entry.path) : undefined,
  ]);
  facts.dirtyCount = status.dirtyCount;
  facts.unpushed = unpushed;
  facts.merged = merged;
  facts.lastActivity = Math.max(touched, (commit?.time ?? 0) * 1000) || undefined;
  facts.bytes = bytes;
  return facts;
}

/**
 * When the worktree's own git state (index, HEAD) or its top folder last changed. A clean
 * worktree has no file changed since its last commit except ignored ones; live use of those
 * (a dev server, a build) shows as a process inside.
 */
async function lastTouched(path: string): Promise<number> {
  const gitDir = await worktreeGitDir(path);
  const times = await Promise.all(
    [path, ...(gitDir ? [join(gitDir, 'index'), join(gitDir, 'HEAD')] : [])].map((file) =>
      stat(file).then(
        (info) => info.mtimeMs,
        () => 0,
      ),
    ),
  );
  return Math.max(...times);
}

/** The linked worktree's private git folder, from its `.git` file (`gitdir: …`). */
async function worktreeGitDir(path: string): Promise<string | undefined> {
  const text = await readFile(join(path, '.git'), 'utf8').catch(() => '');
  const match = /^gitdir:\s*(.+)$/m.exec(text);
  if (!match?.[1]) {
    return undefined;
  }
  const dir = match[1].trim();
  return isAbsolute(dir) ? dir : resolve(path, dir);
}

/** Which processes have their working directory inside each worktree (one pass over /proc). */
async function addProcesses(facts: WorktreeFacts[]): Promise<void> {
  const present = facts.filter((fact) => !fact.prunable);
  const real = await Promise.all(present.map((fact) => realpath(fact.path).catch(() => fact.path)));
  const inside = await processesInside(real);
  present.forEach((fact, index) => {
    const found = inside?.get(real[index] as string);
    fact.processes = found?.map(({ pid, command }) => ({ pid, command }));
  });
  for (const fact of facts) {
    if (fact.prunable) {
      fact.processes = [];
    }
  }
}

/** Processes inside the given worktrees now; undefined for one where they cannot be seen. */
export async function processesNow(
  paths: readonly string[],
): Promise<Map<string, { pid: number; command: string }[] | undefined>> {
  const real = await Promise.all(paths.map((path) => realpath(path).catch(() => path)));
  const inside = await processesInside(real);
  return new Map(paths.map((path, index) => [path, inside?.get(real[index] as string)]));
}
