import * as vscode from 'vscode';
import { TaskTypes } from '../../common/vscode/constants';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import type { CoordinatorServices } from '../../common/vscode/services';
import { registerGuardrailStatusBar } from './guardrailStatusBar';
import { createCompletionGate } from './completionGate';
import type { CompletionCheck } from '../../tasks/vscode/commands/commandContext';
import { FreshnessTracker } from './freshnessTracker';
import { GuardrailController } from './guardrailController';
import type { GuardrailPrompts } from './guardrailPrompts';
import type { GuardrailChannel } from './guardrailOutput';
import { guardrailDashboardData } from './guardrailDashboardData';
import { GuardrailTaskProvider } from './guardrailTaskProvider';

export interface GuardrailsFeature {
  readonly controller: GuardrailController;
  readonly freshness: FreshnessTracker;
  readonly statusBar: vscode.StatusBarItem;
  readonly taskProvider: GuardrailTaskProvider;
  /** Asked by Set Status before a task is marked completed. */
  readonly gate: CompletionCheck;
  /** Feeds the dashboard's guardrail section (called once the dashboard is registered). */
  addToDashboard(dashboard: DashboardFeature): void;
}

/** Wires guardrails: the controller and its channel, freshness, the status bar item and the task provider. */
export function registerGuardrails(
  services: CoordinatorServices,
  prompts: GuardrailPrompts,
  channel: GuardrailChannel,
): GuardrailsFeature {
  const controller = new GuardrailController(services, prompts, channel);
  const freshness = new FreshnessTracker(controller, () => services.sessions.all);
  const taskProvider = new GuardrailTaskProvider(services.sessions, controller);
  services.context.subscriptions.push(
    controller,
    freshness,
    controller.onDidChange((session) => {
      if (!controller.isRunning(session)) {
        void freshness.refresh(session);
      }
    }),
    vscode.tasks.registerTaskProvider(TaskTypes.guardrail, taskProvider),
  );
  const statusBar = registerGuardrailStatusBar(services, controller, freshness);
  return {
    controller,
    freshness,
    statusBar,
    taskProvider,
    gate: createCompletionGate(controller, services.log),
    addToDashboard(dashboard) {
      services.context.subscriptions.push(
        dashboard.dataSources.register(guardrailDashboardData(services.sessions, controller)),
      );
    },
  };
}
