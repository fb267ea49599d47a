import type { PullRequestInfo } from './types';

/** The task fields matching needs; `Task` from the model satisfies it. */
export interface TaskPrRef {
  key: string;
  branch?: string;
  prNumber?: number;
}

export interface PullRequestMatch {
  pr: PullRequestInfo;
  matchedBy: 'prNumber' | 'branch';
}

export interface MatchResult {
  /** By task key. */
  matches: Map<string, PullRequestMatch>;
  /** `pr_number`s written in the file that are not among the open PRs (merged or closed ones). */
  unresolvedPrNumbers: number[];
}

/**
 * Pairs tasks with open PRs: a task's `pr_number` wins; otherwise its branch is looked up among
 * the PRs' head branches (several tasks may share a branch and so a PR). Pure and linear.
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
    const numbered = task.prNumber === undefined ? undefined : byNumber.get(task.prNumber);
    if (numbered) {
      matches.set(task.key, { pr: numbered, matchedBy: 'prNumber' });
      continue;
    }
    if (task.prNumber !== undefined) {
      unresolved.add(task.prNumber);
      continue;
    }
    const headed = task.branch ? byHead.get(task.branch) : undefined;
    if (headed) {
      matches.set(task.key, { pr: headed, matchedBy: 'branch' });
    }
  }
  return { matches, unresolvedPrNumbers: [...unresolved].sort((a, b) => a - b) };
}
