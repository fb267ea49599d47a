import type { CoordinatorServices } from '../../features/common/vscode/services';
import { registerAgentExitNotifier } from '../../features/agents/vscode/agentExitNotifier';
import { registerReadyTaskNotifier } from '../../features/tasks/vscode/readyTaskNotifier';

/** The notifications that matter: a task became ready, a task's agent finished. */
export function registerNotifications(services: CoordinatorServices): void {
  registerReadyTaskNotifier(services);
  registerAgentExitNotifier(services);
}
