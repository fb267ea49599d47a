/** One entry of `git worktree list`. */
export interface WorktreeEntry {
  /** Absolute path as git records it. */
  path: string;
  /** Commit checked out; absent for a bare repository or a worktree without commits. */
  head?: string;
  /** Short branch name (`feat/codex/x`), absent when detached or bare. */
  branch?: string;
  detached: boolean;
  bare: boolean;
  /** The lock reason, or `true` when locked without one. */
  locked?: string | true;
  /** Why git would prune this entry (its folder is gone). */
  prunable?: string;
  /** True for the first entry, the main worktree. */
  main: boolean;
}

/** What `git status --porcelain=v2 --branch` says about one worktree. */
export interface WorktreeStatus {
  /** `undefined` on a branch with no commits yet. */
  oid?: string;
  /** Branch name, or undefined when detached. */
  branch?: string;
  upstream?: string;
  /** Against the upstream, when there is one. */
  ahead?: number;
  behind?: number;
  staged: number;
  unstaged: number;
  untracked: number;
  conflicted: number;
  /** Files with any change: staged, unstaged, untracked or conflicted, each counted once. */
  dirtyCount: number;
}
