import type { CoordinatorServices } from '../../../common/vscode/services';
import type { WorktreesFeature } from '../worktreesFeature';

/** What a worktree command file receives when it registers. */
export interface WorktreeCommandContext {
  readonly services: CoordinatorServices;
  readonly worktrees: WorktreesFeature;
}
