import type { GuardrailsFeature } from '../../features/guardrails/vscode/registerGuardrails';
import type { CoordinatorServices } from '../../features/common/vscode/services';
import type { TasksFeature } from '../../features/tasks/vscode/registerTasksView';
import { registerCancelGuardrails } from '../../features/guardrails/vscode/commands/cancelGuardrails';
import { registerClearTaskFilters } from '../../features/tasks/vscode/commands/clearTaskFilters';
import type { CommandContext } from '../../features/tasks/vscode/commands/commandContext';
import { registerCopyBranchName } from '../../features/tasks/vscode/commands/copyBranchName';
import { registerCreateTaskFile } from '../../features/tasks/vscode/commands/createTaskFile';
import { registerGroupTasksBy } from '../../features/tasks/vscode/commands/groupTasksBy';
import { registerImportMarkdownPlan } from '../../features/plan-import/vscode/commands/importMarkdownPlan';
import { registerOpenTaskPullRequest } from '../../features/github/vscode/commands/openTaskPullRequest';
import { registerOpenTerminalInWorktree } from '../../features/worktrees/vscode/commands/openTerminalInWorktree';
import { registerOpenWorktreeInNewWindow } from '../../features/worktrees/vscode/commands/openWorktreeInNewWindow';
import { registerRefresh } from '../../features/tasks/vscode/commands/refresh';
import { registerReviewTask } from '../../features/reviews/vscode/commands/reviewTask';
import { registerRequestTaskReview } from '../../features/reviews/vscode/commands/requestTaskReview';
import { registerRevealTask } from '../../features/tasks/vscode/commands/revealTask';
import { registerRevealTaskInFile } from '../../features/tasks/vscode/commands/revealTaskInFile';
import { registerRunGuardrail } from '../../features/guardrails/vscode/commands/runGuardrail';
import { registerRunGuardrails } from '../../features/guardrails/vscode/commands/runGuardrails';
import { registerRunGuardrailsInWorktree } from '../../features/guardrails/vscode/commands/runGuardrailsInWorktree';
import { registerSelectTaskFile } from '../../features/tasks/vscode/commands/selectTaskFile';
import { registerSetTaskProgress } from '../../features/tasks/vscode/commands/setTaskProgress';
import { registerSetTaskStatus } from '../../features/tasks/vscode/commands/setTaskStatus';
import { registerSetupMergeDriver } from '../../features/plan-merge/vscode/commands/setupMergeDriver';
import { registerCommitPlan } from '../../features/plan-merge/vscode/commands/commitPlan';
import { registerShowGuardrailOutput } from '../../features/guardrails/vscode/commands/showGuardrailOutput';
import { registerShowTaskDependencies } from '../../features/tasks/vscode/commands/showTaskDependencies';
import { registerSortTasksBy } from '../../features/tasks/vscode/commands/sortTasksBy';
import { registerToggleTaskFilter } from '../../features/tasks/vscode/commands/toggleTaskFilter';

/** Registers every command declared in package.json. Each command lives in its own file. */
export function registerCommands(
  services: CoordinatorServices,
  tasks: TasksFeature,
  guardrails: GuardrailsFeature,
  pullRequestReviews?: CommandContext['pullRequestReviews'],
): void {
  const context: CommandContext = {
    services,
    tasks,
    completionCheck: guardrails.gate,
    pullRequestReviews,
  };
  services.context.subscriptions.push(
    registerRefresh(context),
    registerCreateTaskFile(context),
    registerSelectTaskFile(context),
    registerImportMarkdownPlan(services),
    registerRevealTask(context),
    registerRevealTaskInFile(context),
    registerShowTaskDependencies(context),
    registerSetTaskStatus(context),
    registerSetTaskProgress(context),
    registerReviewTask(context),
    registerRequestTaskReview(context),
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
    registerSetupMergeDriver(context),
    registerCommitPlan(context),
  );
}
