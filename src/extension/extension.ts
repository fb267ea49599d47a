import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDashboard, type DashboardFeature } from './dashboard/registerDashboard';
import { registerDiagnostics } from './diagnostics/registerDiagnostics';
import { registerGuardrails, type GuardrailsFeature } from './guardrails/registerGuardrails';
import { registerGitHub, type GitHubFeature } from './github/registerGitHub';
import { registerNotifications } from './notifications/registerNotifications';
import { createServices, type CreatedServices } from './session/createServices';
import { registerProgressStatusBar } from './statusBar/progressStatusBar';
import { registerTasksView, type TasksFeature } from './tasks/registerTasksView';
import { registerWorktrees } from './worktrees/registerWorktrees';
import type { WorktreesFeature } from './worktrees/worktreesFeature';

/** What activate() returns to other extensions and to the host tests. */
export interface CoordinatorApi {
  /** How long activate() took, in milliseconds (read by the bench). */
  readonly activationMs: number;
  /** Live objects for the extension-host tests (the real provider, view and sessions). */
  readonly testing: CoordinatorTesting;
}

export interface CoordinatorTesting {
  readonly services: CreatedServices;
  readonly tasks: TasksFeature;
  readonly statusBar: vscode.StatusBarItem;
  readonly dashboard: DashboardFeature;
  readonly guardrails: GuardrailsFeature;
  readonly worktrees: WorktreesFeature;
  readonly github: GitHubFeature;
}

export function activate(context: vscode.ExtensionContext): CoordinatorApi {
  const started = performance.now();
  const services = createServices(context);
  registerDiagnostics(services);
  const tasks = registerTasksView(services);
  const guardrails = registerGuardrails(services);
  registerCommands(services, tasks, guardrails);
  const statusBar = registerProgressStatusBar(services);
  registerNotifications(services);
  const dashboard = registerDashboard(services);
  guardrails.addToDashboard(dashboard);
  const worktrees = registerWorktrees(services, dashboard);
  const github = registerGitHub(services, tasks, dashboard);
  return {
    activationMs: performance.now() - started,
    testing: { services, tasks, statusBar, dashboard, guardrails, worktrees, github },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
