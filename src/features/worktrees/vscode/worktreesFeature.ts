import type * as vscode from 'vscode';
import type { StartFlowDeps } from './startTaskFlow';
import type { WorktreeUiHolder } from './worktreeUi';
import type { WorktreesTreeProvider } from './worktreesTreeProvider';
import type { WorktreeTreeNode } from './worktreeTreeNodes';

/** What the worktree commands and the host tests use of the Worktrees feature. */
export interface WorktreesFeature {
  readonly provider: WorktreesTreeProvider;
  readonly view: vscode.TreeView<WorktreeTreeNode>;
  /** Modal questions and window opening; host tests swap `ui.current` to answer them. */
  readonly ui: WorktreeUiHolder;
  readonly startDeps: StartFlowDeps;
}
