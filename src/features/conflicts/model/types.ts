/** A line of work the radar compares: a task's branch, a worktree's branch, or the base. */
export interface LiveBranch {
  /** What people call it: the task key when a task owns the branch, else the branch name. */
  label: string;
  branch: string;
  taskKey?: string;
  /** The branch's commit, or the commit of its worktree's files when they hold uncommitted work. */
  commit: string;
  /** The worktree whose uncommitted work is included, when there is some. */
  uncommittedIn?: string;
  /** The worktree with this branch checked out, when there is one (the radar watches its files). */
  worktree?: string;
}

export interface ConflictedFile {
  path: string;
  /** Conflict blocks in the merged file; 0 when the conflict is not about lines (delete, binary). */
  hunks: number;
  /** Git's conflict types for the file, e.g. `content`, `modify/delete`. */
  kinds: string[];
}

export type PairVerdict =
  | { status: 'clean'; via: 'disjoint' | 'merge' }
  | { status: 'conflict'; files: ConflictedFile[] }
  | { status: 'error'; message: string };

export interface PairForecast {
  a: string;
  b: string;
  /** Paths both sides changed (since their merge base with the base branch). */
  overlap: string[];
  verdict: PairVerdict;
}

export interface ConflictForecast {
  base: string;
  branches: LiveBranch[];
  /** Every pair that changed a common path, plus every branch against the base. */
  pairs: PairForecast[];
  /** Pairs known clean because their changes do not meet. */
  disjointPairs: number;
  /** Pairs merged by this run; the others came from the cache. */
  mergedNow: number;
  /** Sentences about what was left out (a deleted branch, a detached worktree, ...). */
  notes: string[];
}
