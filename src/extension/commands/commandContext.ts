import type { CoordinatorServices } from '../services';
import type { TasksFeature } from '../tasks/registerTasksView';

/** What a command file receives when it registers. */
export interface CommandContext {
  readonly services: CoordinatorServices;
  readonly tasks: TasksFeature;
}
