import { Commands } from '../constants';
import type { CoordinatorServices } from '../services';
import type { TasksFeature } from '../tasks/registerTasksView';
import { registerClearTaskFilters } from './clearTaskFilters';
import type { CommandContext } from './commandContext';
import { registerCopyBranchName } from './copyBranchName';
import { registerCreateTaskFile } from './createTaskFile';
import { registerGroupTasksBy } from './groupTasksBy';
import { registerNotBuiltYet } from './notBuiltYet';
import { registerOpenTaskPullRequest } from './openTaskPullRequest';
import { registerOpenTerminalInWorktree } from './openTerminalInWorktree';
import { registerOpenWorktreeInNewWindow } from './openWorktreeInNewWindow';
import { registerRefresh } from './refresh';
import { registerRevealTask } from './revealTask';
import { registerRevealTaskInFile } from './revealTaskInFile';
import { registerSelectTaskFile } from './selectTaskFile';
import { registerSetTaskProgress } from './setTaskProgress';
import { registerSetTaskStatus } from './setTaskStatus';
import { registerShowTaskDependencies } from './showTaskDependencies';
import { registerSortTasksBy } from './sortTasksBy';
import { registerToggleTaskFilter } from './toggleTaskFilter';

/** Registers every command declared in package.json. Each command lives in its own file. */
export function registerCommands(services: CoordinatorServices, tasks: TasksFeature): void {
  const context: CommandContext = { services, tasks };
  services.context.subscriptions.push(
    registerRefresh(context),
    registerCreateTaskFile(context),
    registerSelectTaskFile(context),
    registerRevealTask(context),
    registerRevealTaskInFile(context),
    registerShowTaskDependencies(context),
    registerSetTaskStatus(context),
    registerSetTaskProgress(context),
    registerOpenTaskPullRequest(context),
    registerCopyBranchName(context),
    registerOpenWorktreeInNewWindow(context),
    registerOpenTerminalInWorktree(context),
    registerGroupTasksBy(context),
    registerSortTasksBy(context),
    registerToggleTaskFilter(context),
    registerClearTaskFilters(context),
    // Replace each with the real command as its feature lands.
    registerNotBuiltYet(Commands.runGuardrails),
  );
}

