import type { WorkspaceSessions } from '../../common/vscode/services';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import { conflictingPairs } from '../model/conflictingPairs';
import { conflictMatrix } from '../model/conflictMatrix';
import type { ConflictRadar } from './conflictRadar';

/**
 * The radar's latest forecast for a folder: the dashboard's conflict matrix, and the pairs that
 * would conflict for the "no merge conflicts" criterion.
 */
export function conflictDashboardData(
  sessions: WorkspaceSessions,
  radar: ConflictRadar,
): DashboardDataProvider {
  return {
    onDidChange: (listener, thisArg, disposables) =>
      radar.onDidChange(() => listener.call(thisArg, undefined), undefined, disposables),
    provide(folder) {
      const session = sessions.all.find(
        (candidate) => candidate.folder.uri.toString() === folder.uri.toString(),
      );
      const forecast = session && radar.forecastFor(session);
      return forecast
        ? { conflicts: conflictMatrix(forecast), conflictingPairs: conflictingPairs(forecast) }
        : undefined;
    },
  };
}
