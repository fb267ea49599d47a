import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import type { WorktreesFeature } from '../../worktrees/vscode/worktreesFeature';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import { conflictDashboardData } from './conflictDashboardData';
import { ConflictRadar } from './conflictRadar';
import { ConflictTreeDecorator } from './conflictTreeDecorator';
import { ConflictWorktreeDecorator } from './conflictWorktreeDecorator';
import { WaitNotifier } from './waitNotifier';

/**
 * The conflict radar in the editor: a forecast per folder, shown on task and worktree rows and as the dashboard's matrix, and a notice when
 * the tasks a task waits for have finished.
 */
export function registerConflicts(
  services: CreatedServices,
  tasks: TasksFeature,
  worktrees: WorktreesFeature,
  dashboard: DashboardFeature,
): ConflictRadar {
  const radar = new ConflictRadar(services.sessions, services.log);
  services.context.subscriptions.push(
    radar,
    tasks.provider.addDecorator(new ConflictTreeDecorator(radar)),
    worktrees.provider.addRowDecorator(new ConflictWorktreeDecorator(radar)),
    new WaitNotifier(services.sessions, services.context.workspaceState),
    dashboard.dataSources.register(conflictDashboardData(services.sessions, radar)),
  );
  return radar;
}
