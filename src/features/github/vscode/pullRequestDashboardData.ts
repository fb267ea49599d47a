import type * as vscode from 'vscode';
import { pullRequestInputs } from '../model/dashboardInputs';
import { hasPullRequestRef } from '../model/taskRefs';
import type { DashboardExtras } from '../../dashboard/model/inputs';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import type { WorkspaceSessions } from '../../common/vscode/services';
import type { PullRequestStatus } from './pullRequestStatus';

/**
 * Feeds the dashboard's Open PRs and CI failures cards and each task's PR state. A dashboard
 * showing tasks with branches or PRs is, like the tree, a reason to start fetching.
 */
export class PullRequestDashboardData implements DashboardDataProvider {
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder | undefined>;

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly status: PullRequestStatus,
  ) {
    this.onDidChange = (listener, thisArg, disposables) =>
      status.onDidChange(
        (session) => listener.call(thisArg, session.folder),
        undefined,
        disposables,
      );
  }

  provide(folder: vscode.WorkspaceFolder): DashboardExtras | undefined {
    const session = this.sessions.all.find(
      (s) => s.folder.uri.toString() === folder.uri.toString(),
    );
    if (!session?.state?.model?.tasks.some(hasPullRequestRef)) {
      return undefined;
    }
    this.status.want(session);
    const github = this.status.statusFor(session);
    if (github?.fetchedAt === undefined) {
      // Unknown is not zero: until GitHub answered once, the cards stay empty and the page says why.
      return github?.error
        ? {
            github: {
              problem: github.error.message,
              signInNeeded: github.error.kind === 'noToken',
            },
          }
        : undefined;
    }
    return {
      pullRequests: pullRequestInputs(github),
      github: { fetchedAt: github.fetchedAt, problem: github.error?.message },
    };
  }
}
