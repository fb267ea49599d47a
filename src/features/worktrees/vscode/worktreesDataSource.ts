import * as vscode from 'vscode';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import type { WorktreesTreeProvider } from './worktreesTreeProvider';

/**
 * Feeds the dashboard `{ worktrees: [{ path, branch, taskKey, dirty, ahead, behind, lastActivity,
 * agentState, diskBytes }] }` from the same listing the view shows, as its rows arrive.
 */
export function worktreesDashboardSource(
  provider: WorktreesTreeProvider,
): DashboardDataProvider & vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  const listener = provider.onDidChangeRepository((repo) => {
    for (const session of repo.sessions) {
      changed.fire(session.folder);
    }
  });
  return {
    onDidChange: changed.event,
    async provide(folder) {
      const repo = await provider.repositoryFor(folder);
      if (!repo) {
        return undefined;
      }
      await repo.ensureListed();
      return {
        worktrees: (repo.entries ?? []).map((entry) => ({
          path: entry.path,
          branch: entry.branch,
          taskKey: entry.taskKey,
          dirty: entry.status ? entry.status.dirtyCount > 0 : undefined,
          dirtyCount: entry.status?.dirtyCount,
          ahead: entry.aheadOfBase,
          behind: entry.behindBase,
          lastActivity: entry.lastActivity,
          agentState: entry.agent?.state,
          diskBytes: entry.diskUsage?.bytes,
        })),
      };
    },
    dispose() {
      listener.dispose();
      changed.dispose();
    },
  };
}
