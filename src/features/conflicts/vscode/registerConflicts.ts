import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import { ConflictRadar } from './conflictRadar';
import { ConflictTreeDecorator } from './conflictTreeDecorator';

/** The conflict radar in the editor: a forecast per folder, shown on task rows. */
export function registerConflicts(services: CreatedServices, tasks: TasksFeature): ConflictRadar {
  const radar = new ConflictRadar(services.sessions, services.log);
  services.context.subscriptions.push(
    radar,
    tasks.provider.addDecorator(new ConflictTreeDecorator(radar)),
  );
  return radar;
}
