import type { GuardrailsFeature } from '../guardrails/registerGuardrails';
import type { CoordinatorServices } from '../services';
import type { TasksFeature } from '../tasks/registerTasksView';
import { registerCancelGuardrails } from './cancelGuardrails';
import { registerClearTaskFilters } from './clearTaskFilters';
import type { CommandContext } from './commandContext';
import { registerCopyBranchName } from './copyBranchName';
import { registerCreateTaskFile } from './createTaskFile';
import { registerGroupTasksBy } from './groupTasksBy';
import { registerOpenTaskPullRequest } from './openTaskPullRequest';
import { registerOpenTerminalInWorktree } from './openTerminalInWorktree';
import { registerOpenWorktreeInNewWindow } from './openWorktreeInNewWindow';
import { registerRefresh } from './refresh';
import { registerRevealTask } from './revealTask';
import { registerRevealTaskInFile } from './revealTaskInFile';
import { registerRunGuardrail } from './runGuardrail';
import { registerRunGuardrails } from './runGuardrails';
import { registerRunGuardrailsInWorktree } from './runGuardrailsInWorktree';
import { registerSelectTaskFile } from './selectTaskFile';
import { registerSetTaskProgress } from './setTaskProgress';
import { registerSetTaskStatus } from './setTaskStatus';
import { registerShowGuardrailOutput } from './showGuardrailOutput';
import { registerShowTaskDependencies } from './showTaskDependencies';
import { registerSortTasksBy } from './sortTasksBy';
import { registerToggleTaskFilter } from './toggleTaskFilter';

/** Registers every command declared in package.json. Each command lives in its own file. */
export function registerCommands(
  services: CoordinatorServices,
  tasks: TasksFeature,
  guardrails: GuardrailsFeature,
): void {
  const context: CommandContext = { services, tasks, guardrails };
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
    registerRunGuardrails(services, guardrails.controller),
    registerRunGuardrail(services, guardrails.controller),
    registerRunGuardrailsInWorktree(services, guardrails.controller),
    registerCancelGuardrails(guardrails.controller),
    registerShowGuardrailOutput(guardrails.controller),
  );
}
