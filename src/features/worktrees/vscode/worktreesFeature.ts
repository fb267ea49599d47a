import type * as vscode from 'vscode';
import type { StartFlowDeps } from './startTaskFlow';
import type { WorktreeUi } from './worktreeUi';
import type { WorktreesTreeProvider } from './worktreesTreeProvider';
import type { WorktreeTreeNode } from './worktreeTreeNodes';

/** What the worktree commands and the host tests use of the Worktrees feature. */
export interface WorktreesFeature {
  readonly provider: WorktreesTreeProvider;
  readonly view: vscode.TreeView<WorktreeTreeNode>;
  /** Modal questions, messages and window opening. */
  readonly ui: WorktreeUi;
  readonly startDeps: StartFlowDeps;
}
