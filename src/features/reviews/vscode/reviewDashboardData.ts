import type { WorkspaceSessions } from '../../common/vscode/services';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import type { ReviewWatch } from './reviewWatch';

/** The reviews awaited on a folder's tasks, for the dashboard's review queue and task cards. */
export function reviewDashboardData(
  sessions: WorkspaceSessions,
  watch: ReviewWatch,
): DashboardDataProvider {
  return {
    onDidChange: watch.onDidChange,
    provide(folder) {
      const session = sessions.all.find(
        (candidate) => candidate.folder.uri.toString() === folder.uri.toString(),
      );
      const model = session?.state?.model;
      if (!session || !model) {
        return undefined;
      }
      return {
        awaitedReviews: model.tasks.flatMap((task) =>
          watch.reviewsOf(session, task.key).map(({ taskKey, reviewer, overdue }) => ({
            taskKey,
            reviewer,
            overdue,
          })),
        ),
      };
    },
  };
}
