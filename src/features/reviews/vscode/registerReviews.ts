import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import type { EditorPullRequestReviews } from './editorPullRequestReviews';
import { ReviewTreeDecorator } from './reviewTreeDecorator';
import { ReviewWatch } from './reviewWatch';

/** Awaited and overdue reviews on the task rows. */
export function registerReviews(
  services: CreatedServices,
  tasks: TasksFeature,
  pullRequestReviews?: EditorPullRequestReviews,
): ReviewWatch {
  const watch = new ReviewWatch(services.sessions, services.log, pullRequestReviews);
  services.context.subscriptions.push(
    watch,
    tasks.provider.addDecorator(new ReviewTreeDecorator(watch)),
  );
  return watch;
}
