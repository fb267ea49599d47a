import type { WorkspaceSessions } from '../../common/vscode/services';
import type { ConflictRadar } from '../../conflicts/vscode/conflictRadar';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import { conflictingPairs } from '../model/conflictingPairs';

/**
 * The conflict radar's latest forecast for the "no merge conflicts" criterion in the dashboard:
 * the branch pairs that would conflict at merge, judged before they are merged.
 */
export function conflictForecastData(
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
      return forecast ? { conflictingPairs: conflictingPairs(forecast) } : undefined;
    },
  };
}
