import type { CoordinatorServices } from '../services';
import type { WorktreesFeature } from '../worktrees/worktreesFeature';

/** What a worktree command file receives when it registers. */
export interface WorktreeCommandContext {
  readonly services: CoordinatorServices;
  readonly worktrees: WorktreesFeature;
}
