import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import { reviewDashboardData } from './reviewDashboardData';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import type { EditorPullRequestReviews } from './editorPullRequestReviews';
import { ReviewTreeDecorator } from './reviewTreeDecorator';
import { ReviewWatch } from './reviewWatch';

/** Awaited and overdue reviews on the task rows and in the dashboard. */
export function registerReviews(
  services: CreatedServices,
  tasks: TasksFeature,
  dashboard: DashboardFeature,
  pullRequestReviews?: EditorPullRequestReviews,
): ReviewWatch {
  const watch = new ReviewWatch(services.sessions, services.log, pullRequestReviews);
  services.context.subscriptions.push(
    watch,
    tasks.provider.addDecorator(new ReviewTreeDecorator(watch)),
    dashboard.dataSources.register(reviewDashboardData(services.sessions, watch)),
  );
  return watch;
}
