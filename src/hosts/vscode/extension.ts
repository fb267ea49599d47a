import * as vscode from 'vscode';
import { registerCommands } from './registerCommands';
import {
  registerDashboard,
  type DashboardFeature,
} from '../../features/dashboard/vscode/registerDashboard';
import { registerDiagnostics } from '../../features/tasks/vscode/diagnostics/registerDiagnostics';
import {
  registerGuardrails,
  type GuardrailsFeature,
} from '../../features/guardrails/vscode/registerGuardrails';
import { registerGitHub, type GitHubFeature } from '../../features/github/vscode/registerGitHub';
import { registerConflicts } from '../../features/conflicts/vscode/registerConflicts';
import type { ConflictRadar } from '../../features/conflicts/vscode/conflictRadar';
import { registerNotifications } from './registerNotifications';
import { registerMergeDriverOffer } from '../../features/plan-merge/vscode/mergeDriverOffer';
import { UnsavedPlanEdits } from '../../features/plan-merge/vscode/unsavedPlanEdits';
import {
  createServices,
  type CreatedServices,
} from '../../features/common/vscode/session/createServices';
import {
  registerSnapshots,
  type SnapshotsFeature,
} from '../../features/snapshots/vscode/registerSnapshots';
import { registerProgressStatusBar } from '../../features/tasks/vscode/progressStatusBar';
import {
  registerTasksView,
  type TasksFeature,
} from '../../features/tasks/vscode/registerTasksView';
import { registerWorktrees } from '../../features/worktrees/vscode/registerWorktrees';
import type { WorktreesFeature } from '../../features/worktrees/vscode/worktreesFeature';
import {
  registerMcpServer,
  type McpServerFeature,
} from '../../features/agents/vscode/registerMcpServer';
import {
  registerLanguageModelTools,
  type LanguageModelToolsFeature,
} from '../../features/agents/vscode/registerLanguageModelTools';
import { AgentStates } from '../../features/agents/vscode/agentStates';
import { existingTaskTerminal } from '../../features/agents/vscode/agentTerminal';
import { AgentStateTreeDecorator } from '../../features/agents/vscode/agentStateTreeDecorator';
import { agentAttentionProvider } from '../../features/agents/vscode/agentAttentionProvider';
import {
  registerAttention,
  type AttentionFeature,
} from '../../features/attention/vscode/registerAttention';
import { guardrailAttentionProvider } from '../../features/guardrails/vscode/guardrailAttentionProvider';
import { conflictAttentionProvider } from '../../features/conflicts/vscode/conflictAttentionProvider';
import { ReviewAttentionProvider } from '../../features/reviews/vscode/reviewAttentionProvider';

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
  readonly snapshots: SnapshotsFeature;
  readonly mcp: McpServerFeature;
  readonly conflicts: ConflictRadar;
  readonly agentStates: AgentStates;
  readonly attention: AttentionFeature;
  readonly languageModelTools: LanguageModelToolsFeature;
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
  registerMergeDriverOffer(services);
  context.subscriptions.push(new UnsavedPlanEdits(services));
  const dashboard = registerDashboard(services);
  guardrails.addToDashboard(dashboard);
  const worktrees = registerWorktrees(services, dashboard);
  const github = registerGitHub(services, tasks, dashboard);
  const snapshots = registerSnapshots(services, dashboard, github.pullRequests);
  const mcp = registerMcpServer(services);
  const conflicts = registerConflicts(services, tasks);
  const agentStates = new AgentStates(services.sessions);
  const attention = registerAttention(services, existingTaskTerminal, dashboard);
  const reviews = new ReviewAttentionProvider(services.sessions, services.log);
  context.subscriptions.push(
    agentStates,
    reviews,
    tasks.provider.addDecorator(new AgentStateTreeDecorator(agentStates)),
    worktrees.provider.addDecorator(new AgentStateTreeDecorator(agentStates)),
    attention.queue.addProvider(agentAttentionProvider(agentStates)),
    attention.queue.addProvider(guardrailAttentionProvider(services.sessions)),
    attention.queue.addProvider(conflictAttentionProvider(conflicts)),
    attention.queue.addProvider(reviews),
  );
  const languageModelTools = registerLanguageModelTools(services);
  return {
    activationMs: performance.now() - started,
    testing: {
      services,
      tasks,
      statusBar,
      dashboard,
      guardrails,
      worktrees,
      github,
      snapshots,
      mcp,
      conflicts,
      agentStates,
      attention,
      languageModelTools,
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
