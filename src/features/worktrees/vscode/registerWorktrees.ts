import * as vscode from 'vscode';
import { registerFinishWorktreeTask } from './commands/finishWorktreeTask';
import { registerOpenWorktreeTerminal } from './commands/openWorktreeTerminal';
import { registerOpenWorktreeWindow } from './commands/openWorktreeWindow';
import { registerPrepareWorktreeDependencies } from './commands/prepareWorktreeDependencies';
import { registerPruneWorktrees } from './commands/pruneWorktrees';
import { registerReapWorktrees } from './commands/reapWorktrees';
import { registerRestoreWorktreeBackup } from './commands/restoreWorktreeBackup';
import { registerRefreshWorktrees } from './commands/refreshWorktrees';
import { registerRemoveWorktree } from './commands/removeWorktree';
import { registerRevealWorktree } from './commands/revealWorktree';
import { registerStartTaskInWorktree } from './commands/startTaskInWorktree';
import type { WorktreeCommandContext } from './commands/worktreeCommandContext';
import { Settings, Views } from '../../common/vscode/constants';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import type { CoordinatorServices } from '../../common/vscode/services';
import { worktreesDashboardSource } from './worktreesDataSource';
import type { WorktreesFeature } from './worktreesFeature';
import { worktreeSettingsFor } from './worktreeSettings';
import { WorktreesTreeProvider } from './worktreesTreeProvider';
import type { WorktreeUi } from './worktreeUi';

/**
 * Wires the Worktrees feature: the `coordinator.worktrees` view, Start Task in Worktree and the
 * view's item commands, and the dashboard's worktree data.
 */
export function registerWorktrees(
  services: CoordinatorServices,
  dashboard: DashboardFeature,
  ui: WorktreeUi,
  gitHub?: WorktreeCommandContext['gitHub'],
): WorktreesFeature {
  const provider = new WorktreesTreeProvider(
    services.sessions,
    (session) => worktreeSettingsFor(session.folder).baseBranch,
    services.log,
  );
  const view = vscode.window.createTreeView(Views.worktrees, { treeDataProvider: provider });
  const feature: WorktreesFeature = {
    provider,
    view,
    ui,
    startDeps: {
      services,
      ui,
      onStarted: async (result) => {
        const repos = await provider.repositories();
        await repos.find((repo) => repo.mainRoot === result.mainRoot)?.refresh();
      },
    },
  };
  const source = worktreesDashboardSource(provider);
  const commands: WorktreeCommandContext = { services, worktrees: feature, gitHub };
  services.context.subscriptions.push(
    provider,
    view,
    source,
    dashboard.dataSources.register(source),
    services.sessions.onDidChange(() => provider.relink()),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document.uri.scheme === 'file') {
        provider.noteSaved(document.uri.fsPath);
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => provider.reset()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${Settings.section}.${Settings.worktreesBaseBranch}`)) {
        void provider.refresh();
      }
    }),
    view.onDidChangeVisibility((event) => {
      if (event.visible) {
        provider.refreshListed();
      }
    }),
    registerStartTaskInWorktree(commands),
    registerOpenWorktreeWindow(commands),
    registerOpenWorktreeTerminal(commands),
    registerRevealWorktree(commands),
    registerFinishWorktreeTask(commands),
    registerRemoveWorktree(commands),
    registerPrepareWorktreeDependencies(commands),
    registerPruneWorktrees(commands),
    registerReapWorktrees(commands),
    registerRestoreWorktreeBackup(commands),
    registerRefreshWorktrees(commands),
  );
  return feature;
}
