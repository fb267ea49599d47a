import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { TasksFeature } from '../../tasks/vscode/registerTasksView';
import { ConflictRadar } from './conflictRadar';
import { ConflictTreeDecorator } from './conflictTreeDecorator';
import { WaitNotifier } from './waitNotifier';

/**
 * The conflict radar in the editor: a forecast per folder, shown on task rows, and a notice when
 * the tasks a task waits for have finished.
 */
export function registerConflicts(services: CreatedServices, tasks: TasksFeature): ConflictRadar {
  const radar = new ConflictRadar(services.sessions, services.log);
  services.context.subscriptions.push(
    radar,
    tasks.provider.addDecorator(new ConflictTreeDecorator(radar)),
    new WaitNotifier(services.sessions),
  );
  return radar;
}
