import {
  readReviewChecklist,
  readReviewRules,
  readReviews,
  type ReviewRecord,
} from '../../kernel/model/reviews';
import type { ChangedPath } from '../../kernel/git/diffNameStatus';
import type { Task, TaskModel } from '../../kernel/model/types';
import {
  authorsSince,
  changedPathsSinceMergeBase,
  commitSummaries,
  defaultBranch,
  resolveCommit,
} from '../../platform/git';
import { reviewGatesFor, type ReviewGate } from './model/reviewGates';
import { reviewStanding, type GateStanding } from './model/reviewStanding';

export interface TaskReviewState {
  gates: ReviewGate[];
  standing: GateStanding[];
  /** The task branch's head commit, when the branch exists. */
  head?: string;
  /** Committer time of the head, in seconds since the epoch. */
  headTime?: number;
  base?: string;
  /** Owners, the starter, who overrode its gates and the authors of its commits. */
  workers: string[];
  /** Why the path rules could not be judged (no branch to diff), when they could not. */
  pathsUnjudged?: string;
}

export interface TaskReviewRequest {
  /** Any folder of the repository. */
  folder: string;
  model: TaskModel;
  task: Task;
  /** Reviews given elsewhere that count too: approvals on the task's PR by mapped logins. */
  pullRequestReviews?: (task: Task) => Promise<ReviewRecord[]>;
  /** The base branch, when the caller already knows it (the queue asks git once). */
  base?: string;
  signal?: AbortSignal;
}

/**
 * Which reviews a task needs and where each stands: its branch's diff against the merge-base
 * with the base branch, read against the task file's review rules, plus its `critical_review`.
 */
export async function taskReviewState(request: TaskReviewRequest): Promise<TaskReviewState> {
  const { folder, model, task, signal } = request;
  const rules = readReviewRules(model.raw).rules;
  if (rules.length === 0 && !task.criticalReview) {
    return { gates: [], standing: [], workers: workersOf(task, []) };
  }
  const branch = task.branch;
  const head = branch ? await branchHead(folder, branch, signal) : undefined;
  let changes: ChangedPath[] = [];
  let authors: string[] = [];
  let base: string | undefined;
  let pathsUnjudged: string | undefined;
  if (head && branch) {
    base = request.base ?? (await defaultBranch(folder, signal).catch(() => undefined));
    if (base && base !== branch) {
      try {
        [changes, authors] = await Promise.all([
          changedPathsSinceMergeBase(folder, base, head, signal),
          authorsSince(folder, base, head, signal),
        ]);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        pathsUnjudged = `cannot compare ${branch} with ${base}: ${reason}`;
      }
    } else if (rules.length > 0) {
      pathsUnjudged = `no base branch to compare ${branch} with`;
    }
  } else if (rules.length > 0) {
    pathsUnjudged = branch ? `branch ${branch} is not in the repository` : 'the task has no branch';
  }
  const gates = reviewGatesFor(task, readReviewChecklist(task.raw), rules, changes);
  const workers = workersOf(task, authors);
  const fromPullRequest = gates.length > 0 ? await request.pullRequestReviews?.(task) : undefined;
  const reviews = [...readReviews(task.raw), ...(fromPullRequest ?? [])];
  const standing = reviewStanding(gates, reviews, head, workers);
  const headTime = head
    ? (await commitSummaries(folder, [head], signal)).get(head)?.time
    : undefined;
  return { gates, standing, head, headTime, base, workers, pathsUnjudged };
}

/** The branch's head commit: the local branch, else its copy on origin. */
async function branchHead(
  folder: string,
  branch: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    const oid = await resolveCommit(folder, ref, signal).catch(() => undefined);
    if (oid) {
      return oid;
    }
  }
  return undefined;
}

function workersOf(task: Task, authors: readonly string[]): string[] {
  const names = [...task.owners, ...authors];
  const startedBy = task.raw.started_by;
  if (typeof startedBy === 'string') {
    names.push(startedBy);
  }
  const overrides = Array.isArray(task.raw.overrides) ? (task.raw.overrides as unknown[]) : [];
  for (const override of overrides) {
    const by = (override as { by?: unknown } | null)?.by;
    if (typeof by === 'string') {
      names.push(by);
    }
  }
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))];
}
