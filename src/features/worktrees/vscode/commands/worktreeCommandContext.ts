import type { CoordinatorServices } from '../../../common/vscode/services';
import type { FolderSession } from '../../../common/vscode/services';
import type { GitHubService } from '../../../github/client';
import type { WorktreesFeature } from '../worktreesFeature';

/** What a worktree command file receives when it registers. */
export interface WorktreeCommandContext {
  readonly services: CoordinatorServices;
  readonly worktrees: WorktreesFeature;
  /** The folder's GitHub client, once the GitHub feature is up; asked by the reaper. */
  readonly gitHub?: (session: FolderSession) => Promise<GitHubService> | undefined;
}
