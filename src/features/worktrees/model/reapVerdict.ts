/** Which tool made a worktree, judged from where it lives and what records it. */
export type WorktreeOrigin = 'Agent Coordinator' | 'Claude Code' | 'Codex' | 'VS Code' | 'by hand';

/** What the reaper found about one worktree; several can hold at once. */
export type ReapClass =
  | 'merged'
  | 'prMerged'
  | 'prClosed'
  | 'abandoned'
  | 'dirty'
  | 'unpushed'
  | 'inUse'
  | 'locked'
  | 'prunable'
  | 'active';

/** The pull request that decides a branch's fate, as GitHub reports it. */
export interface BranchPullRequest {
  number: number;
  state: 'open' | 'closed' | 'merged';
  url?: string;
}

/** What was read about one linked worktree before judging it. */
export interface WorktreeFacts {
  path: string;
  branch?: string;
  head?: string;
  prunable: boolean;
  /** The lock reason, or true when locked without one. */
  locked?: string | true;
  /** Tasks of the plan worked there. */
  taskKeys: string[];
  dirtyCount: number;
  /** Commits neither the base nor a remote has. */
  unpushed: number;
  /** Its branch moved since it was made and is all in the base. */
  merged: boolean;
  /** Its branch's pull request, when GitHub was asked and has one. */
  pullRequest?: BranchPullRequest;
  /** Epoch ms of the last commit or change of the worktree's git state or top folder. */
  lastActivity?: number;
  /** Processes whose working directory is inside; undefined when they cannot be seen. */
  processes?: { pid: number; command: string }[];
  /** Bytes on disk, when measured. */
  bytes?: number;
}

export interface ReapVerdict {
  facts: WorktreeFacts;
  origin: WorktreeOrigin;
  classes: ReapClass[];
  /** Safe to remove: nothing would be lost that a backup ref does not keep, and nobody uses it. */
  safe: boolean;
  /** One line: why it is or is not safe. */
  why: string;
}

const DAY_MS = 86_400_000;

export function worktreeOrigin(path: string, taskKeys: readonly string[]): WorktreeOrigin {
  const portable = path.replace(/\\/g, '/');
  if (portable.includes('/.claude/worktrees/')) {
    return 'Claude Code';
  }
  if (portable.includes('/.codex/worktrees/')) {
    return 'Codex';
  }
  if (/\.worktrees\/[^/]+$/.test(portable)) {
    return 'VS Code';
  }
  return taskKeys.length > 0 ? 'Agent Coordinator' : 'by hand';
}

/**
 * Judges one worktree. Never safe: locked (by any tool), a live process inside, processes that
 * cannot be seen, or changes not committed. Safe: its folder is gone, or its work is merged (into
 * the base, or its pull request on GitHub), or its pull request was closed, or it has had no
 * activity for `abandonedDays`; commits on no remote are then kept by a backup ref.
 */
export function judgeWorktree(
  facts: WorktreeFacts,
  options: { now: number; abandonedDays: number },
): ReapVerdict {
  const classes: ReapClass[] = [];
  const origin = worktreeOrigin(facts.path, facts.taskKeys);
  const verdict = (safe: boolean, why: string): ReapVerdict => ({
    facts,
    origin,
    classes: classes.length > 0 ? classes : ['active'],
    safe,
    why,
  });
  if (facts.prunable) {
    classes.push('prunable');
    return verdict(!facts.locked, facts.locked ? 'locked' : 'its folder is gone');
  }
  if (facts.merged) {
    classes.push('merged');
  }
  const pr = facts.pullRequest;
  if (pr?.state === 'merged') {
    classes.push('prMerged');
  } else if (pr?.state === 'closed') {
    classes.push('prClosed');
  }
  const idleDays =
    facts.lastActivity === undefined ? 0 : (options.now - facts.lastActivity) / DAY_MS;
  if (idleDays >= options.abandonedDays) {
    classes.push('abandoned');
  }
  if (facts.dirtyCount > 0) {
    classes.push('dirty');
  }
  if (facts.unpushed > 0) {
    classes.push('unpushed');
  }
  if (facts.processes === undefined || facts.processes.length > 0) {
    classes.push('inUse');
  }
  if (facts.locked) {
    classes.push('locked');
  }
  if (facts.locked) {
    return verdict(false, `locked${facts.locked === true ? '' : `: ${facts.locked}`}`);
  }
  if (facts.processes === undefined) {
    return verdict(false, 'the processes using it cannot be seen on this system');
  }
  if (facts.processes.length > 0) {
    const [first] = facts.processes;
    return verdict(
      false,
      `in use by ${facts.processes.length} process(es), e.g. ${first?.pid} ${first?.command}`,
    );
  }
  if (facts.dirtyCount > 0) {
    return verdict(false, `${facts.dirtyCount} uncommitted change(s)`);
  }
  const backup = facts.unpushed > 0 ? `; ${facts.unpushed} commit(s) kept in a backup ref` : '';
  if (facts.merged) {
    return verdict(true, `merged${backup}`);
  }
  // A squash or rebase merge leaves the branch's own commits off the base: GitHub knows.
  if (pr?.state === 'merged') {
    return verdict(true, `its pull request #${pr.number} was merged${backup}`);
  }
  if (pr?.state === 'closed') {
    return verdict(true, `its pull request #${pr.number} was closed without merging${backup}`);
  }
  if (classes.includes('abandoned')) {
    return verdict(true, `no activity for ${Math.floor(idleDays)} days${backup}`);
  }
  return verdict(false, 'active: not merged, recently used');
}
