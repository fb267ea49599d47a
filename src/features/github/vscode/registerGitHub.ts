import type * as vscode from 'vscode';
import { registerCreatePullRequest } from './commands/createPullRequest';
import { registerRefreshPullRequests } from './commands/refreshPullRequests';
import { registerSignInToGitHub } from './commands/signInToGitHub';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import { PullRequestDashboardData } from './pullRequestDashboardData';
import { PullRequestStatus } from './pullRequestStatus';
import { PullRequestTreeDecorator } from './pullRequestTreeDecorator';
import { GitHubTokenSource } from './tokenSource';

/** What the host tests and other features use of the GitHub feature. */
export interface GitHubFeature {
  readonly pullRequests: PullRequestStatus;
}

/**
 * Wires PR and CI state into the tree and dashboard, and the GitHub commands. Nothing here loads the GitHub client: that waits for the first need.
 */
export function registerGitHub(
  services: CreatedServices,
  tasks: TasksFeature,
  dashboard: DashboardFeature,
): GitHubFeature {
  const pullRequests = new PullRequestStatus(services, new GitHubTokenSource(services.log));
  const decorator = new PullRequestTreeDecorator(pullRequests);
  const disposables: vscode.Disposable[] = [
    pullRequests,
    decorator,
    tasks.provider.addDecorator(decorator),
    dashboard.dataSources.register(new PullRequestDashboardData(services.sessions, pullRequests)),
    registerRefreshPullRequests(services, pullRequests),
    registerSignInToGitHub(services, pullRequests),
    registerCreatePullRequest(services, pullRequests),
  ];
  services.context.subscriptions.push(...disposables);
  return { pullRequests };
}
