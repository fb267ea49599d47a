import type { WorktreeInfo } from '..';
import type { RepositoryWorktrees } from './repositoryWorktrees';

/** Rows of the Worktrees view: a repository (only when the workspace spans several), its worktrees, or a message. */
export type WorktreeTreeNode = RepositoryNode | WorktreeNode | WorktreeMessageNode;

export interface RepositoryNode {
  kind: 'repository';
  repo: RepositoryWorktrees;
}

export interface WorktreeNode {
  kind: 'worktree';
  repo: RepositoryWorktrees;
  info: WorktreeInfo;
}

export interface WorktreeMessageNode {
  kind: 'worktreeMessage';
  text: string;
  repo?: RepositoryWorktrees;
}

export function isWorktreeNode(value: unknown): value is WorktreeNode {
  return (
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'worktree'
  );
}
