import { NamingError } from './taskNames';

export type BranchRefusalCode =
  'fullRefName' | 'mainCheckoutBranch' | 'baseBranch' | 'remoteTrackingName' | 'tagName';

/** A task branch that would check out the main worktree's branch or name a ref ambiguously. */
export class BranchRefusedError extends NamingError {
  constructor(
    readonly refusal: BranchRefusalCode,
    message: string,
  ) {
    super(message);
  }

  static refused(error: unknown, refusal?: BranchRefusalCode): error is BranchRefusedError {
    return (
      error instanceof BranchRefusedError && (refusal === undefined || error.refusal === refusal)
    );
  }
}

export interface BranchFacts {
  taskKey: string;
  branch: string;
  /** Branch checked out in the main worktree, if any. */
  mainCheckoutBranch?: string;
  mainRoot: string;
  /** Branch new task branches start from. */
  baseBranch?: string;
  /** True when `refs/remotes/<branch>` exists. */
  remoteTrackingRefExists: boolean;
  /** True when `refs/tags/<branch>` exists. */
  tagExists: boolean;
}

/** Why a task may not use `branch` (undefined when it may). Git's own format rules are checked elsewhere. */
export function branchRefusal(facts: BranchFacts): BranchRefusedError | undefined {
  const { taskKey, branch } = facts;
  const named = `Task ${taskKey} has branch "${branch}"`;
  if (branch.startsWith('refs/')) {
    return new BranchRefusedError(
      'fullRefName',
      `${named}, a full ref name; write the branch name alone (git would create refs/heads/${branch}).`,
    );
  }
  if (facts.mainCheckoutBranch === branch) {
    return new BranchRefusedError(
      'mainCheckoutBranch',
      `${named}, which is checked out in the main worktree (${facts.mainRoot}); a task needs a branch of its own.`,
    );
  }
  if (facts.baseBranch === branch) {
    return new BranchRefusedError(
      'baseBranch',
      `${named}, which is the base branch task branches start from; a task needs a branch of its own.`,
    );
  }
  if (facts.remoteTrackingRefExists) {
    return new BranchRefusedError(
      'remoteTrackingName',
      `${named}, the name of a remote-tracking branch (refs/remotes/${branch}); git would read it ambiguously.`,
    );
  }
  if (facts.tagExists) {
    return new BranchRefusedError(
      'tagName',
      `${named}, the name of a tag (refs/tags/${branch}); git would read it ambiguously.`,
    );
  }
  return undefined;
}
