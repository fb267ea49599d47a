import type { CoordinatorServices } from '../services';
import { registerAgentExitNotifier } from './agentExitNotifier';
import { registerReadyTaskNotifier } from './readyTaskNotifier';

/** The notifications that matter: a task became ready, a task's agent finished. */
export function registerNotifications(services: CoordinatorServices): void {
  registerReadyTaskNotifier(services);
  registerAgentExitNotifier(services);
}
