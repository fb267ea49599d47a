import * as vscode from 'vscode';
import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import { BranchPlanDecorator } from './branchPlanDecorator';
import { registerAdoptPlanEdits } from './commands/adoptPlanEdits';
import { PlanAutoCommit } from './planAutoCommit';
import { registerPlanBlobDocuments } from './planBlobDocuments';
import { PlanEditsOffer } from './planEditsOffer';
import { PlanOnBranches } from './planOnBranches';

export interface PlanBranchesFeature {
  readonly branches: PlanOnBranches;
  readonly autoCommit: PlanAutoCommit;
  readonly editsOffer: PlanEditsOffer;
}

/**
 * The plan as every branch sees it (task rows and the dashboard), the offer to move a branch's
 * plan edits onto the plan, and commits after status changes.
 */
export function registerPlanBranches(
  services: CreatedServices,
  tasks: TasksFeature,
  dashboard: DashboardFeature,
): PlanBranchesFeature {
  const branches = new PlanOnBranches(services.sessions, services.log);
  const autoCommit = new PlanAutoCommit(services);
  const editsOffer = new PlanEditsOffer(services, branches);
  const changed = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  services.context.subscriptions.push(
    branches,
    autoCommit,
    editsOffer,
    registerPlanBlobDocuments(),
    changed,
    branches.onDidChange(() => changed.fire(undefined)),
    tasks.provider.addDecorator(new BranchPlanDecorator(branches)),
    registerAdoptPlanEdits(services, branches),
    dashboard.dataSources.register({
      onDidChange: changed.event,
      provide: (folder) => {
        const session = services.sessions.all.find(
          (s) => s.folder.uri.toString() === folder.uri.toString(),
        );
        const drift = session && branches.driftFor(session);
        if (!drift) {
          return undefined;
        }
        return {
          branchPlans: [...drift.byTask.values()]
            .flat()
            .map(({ taskKey, summary }) => ({ taskKey, summary })),
        };
      },
    }),
  );
  return { branches, autoCommit, editsOffer };
}
