import type * as vscode from 'vscode';
import { registerCaptureSnapshot } from '../commands/captureSnapshot';
import { registerCreatePullRequest } from '../commands/createPullRequest';
import { registerRefreshPullRequests } from '../commands/refreshPullRequests';
import { registerSignInToGitHub } from '../commands/signInToGitHub';
import type { DashboardFeature } from '../dashboard/registerDashboard';
import type { CreatedServices } from '../session/createServices';
import { captureSnapshotForSession, type SnapshotCapture } from '../snapshots/captureForSession';
import { DailySnapshots } from '../snapshots/dailySnapshots';
import { SnapshotHistoryData } from '../snapshots/snapshotHistoryData';
import type { TasksFeature } from '../tasks/registerTasksView';
import { PullRequestDashboardData } from './pullRequestDashboardData';
import { PullRequestStatus } from './pullRequestStatus';
import { PullRequestTreeDecorator } from './pullRequestTreeDecorator';
import { GitHubTokenSource } from './tokenSource';

/** What the host tests and other features use of the GitHub and snapshot feature. */
export interface GitHubFeature {
  readonly pullRequests: PullRequestStatus;
  readonly dailySnapshots: DailySnapshots;
}

/**
 * Wires PR and CI state into the tree and dashboard, the GitHub and snapshot commands, and the
 * daily snapshot. Nothing here loads the GitHub client: that waits for the first need.
 */
export function registerGitHub(
  services: CreatedServices,
  tasks: TasksFeature,
  dashboard: DashboardFeature,
): GitHubFeature {
  const pullRequests = new PullRequestStatus(services, new GitHubTokenSource(services.log));
  const decorator = new PullRequestTreeDecorator(pullRequests);
  const snapshotHistory = new SnapshotHistoryData();
  const capture: SnapshotCapture = async (session, now) => {
    const captured = await captureSnapshotForSession(session, pullRequests, now);
    snapshotHistory.invalidate(session.folder);
    return captured;
  };
  const dailySnapshots = new DailySnapshots(services, capture);
  const disposables: vscode.Disposable[] = [
    pullRequests,
    decorator,
    tasks.provider.addDecorator(decorator),
    dashboard.dataSources.register(new PullRequestDashboardData(services.sessions, pullRequests)),
    dailySnapshots,
    snapshotHistory,
    dashboard.dataSources.register(snapshotHistory),
    registerRefreshPullRequests(services, pullRequests),
    registerSignInToGitHub(services, pullRequests),
    registerCreatePullRequest(services, pullRequests),
    registerCaptureSnapshot(services, capture),
  ];
  services.context.subscriptions.push(...disposables);
  return { pullRequests, dailySnapshots };
}
