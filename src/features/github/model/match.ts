import type { PullRequestInfo } from './types';

/** The task fields matching needs; `Task` from the model satisfies it. */
export interface TaskPrRef {
  key: string;
  branch?: string;
  prNumber?: number;
  /** Every PR the task records, in file order (a task split across several PRs). */
  prNumbers?: readonly number[];
}

export interface PullRequestMatch {
  pr: PullRequestInfo;
  matchedBy: 'prNumber' | 'branch';
  /** The task's other recorded PRs that are open, in file order. */
  others: PullRequestInfo[];
}

export interface MatchResult {
  /** By task key. */
  matches: Map<string, PullRequestMatch>;
  /** Recorded PR numbers that are not among the open PRs (merged or closed ones). */
  unresolvedPrNumbers: number[];
}

/** Every PR number the task records, each once, in file order. */
export function recordedPrNumbers(task: TaskPrRef): number[] {
  const numbers = task.prNumbers ?? (task.prNumber !== undefined ? [task.prNumber] : []);
  return [...new Set(numbers)];
}

/**
 * Pairs tasks with open PRs: a task's recorded PRs win (the first open one leads, the other open
 * ones come along); a task that records none is looked up by its branch among the PRs' head
 * branches (several tasks may share a branch and so a PR). Pure and linear.
 */
export function matchPullRequests(
  tasks: readonly TaskPrRef[],
  openPullRequests: readonly PullRequestInfo[],
): MatchResult {
  const byNumber = new Map<number, PullRequestInfo>();
  const byHead = new Map<string, PullRequestInfo>();
  for (const pr of openPullRequests) {
    byNumber.set(pr.number, pr);
    const seen = byHead.get(pr.headRef);
    if (!seen || pr.number > seen.number) {
      byHead.set(pr.headRef, pr);
    }
  }
  const matches = new Map<string, PullRequestMatch>();
  const unresolved = new Set<number>();
  for (const task of tasks) {
    const recorded = recordedPrNumbers(task);
    const open: PullRequestInfo[] = [];
    for (const number of recorded) {
      const pr = byNumber.get(number);
      if (pr) {
        open.push(pr);
      } else {
        unresolved.add(number);
      }
    }
    const [lead, ...others] = open;
    if (lead) {
      matches.set(task.key, { pr: lead, matchedBy: 'prNumber', others });
      continue;
    }
    if (recorded.length > 0) {
      continue;
    }
    const headed = task.branch ? byHead.get(task.branch) : undefined;
    if (headed) {
      matches.set(task.key, { pr: headed, matchedBy: 'branch', others: [] });
    }
  }
  return { matches, unresolvedPrNumbers: [...unresolved].sort((a, b) => a - b) };
}
