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
import { registerReviews } from '../../features/reviews/vscode/registerReviews';
import type { ReviewWatch } from '../../features/reviews/vscode/reviewWatch';
import {
  editorPullRequestReviews,
  type EditorPullRequestReviews,
} from '../../features/reviews/vscode/editorPullRequestReviews';
import { registerConflicts } from '../../features/conflicts/vscode/registerConflicts';
import type { ConflictRadar } from '../../features/conflicts/vscode/conflictRadar';
import { registerNotifications } from './registerNotifications';
import { registerMergeDriverOffer } from '../../features/plan-merge/vscode/mergeDriverOffer';
import { UnsavedPlanEdits } from '../../features/plan-merge/vscode/unsavedPlanEdits';
import {
  registerPlanBranches,
  type PlanBranchesFeature,
} from '../../features/plan-merge/vscode/registerPlanBranches';
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
import { registerAgentExitState } from '../../features/agents/vscode/agentExitState';
import {
  registerCoordLauncher,
  type LauncherFeature,
} from '../../features/agents/vscode/registerLauncher';
import type { GuardrailPrompts } from '../../features/guardrails/vscode/guardrailPrompts';
import type { GuardrailChannel } from '../../features/guardrails/vscode/guardrailOutput';
import type { WorktreeUi } from '../../features/worktrees/vscode/worktreeUi';
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
import { waitOverAttentionProvider } from '../../features/conflicts/vscode/waitOverAttentionProvider';
import { ReviewAttentionProvider } from '../../features/reviews/vscode/reviewAttentionProvider';

/**
 * The UI ports the features ask and show through. `activate` passes the window's
 * (`windowPorts()`); the extension-host tests compose with ports they answer and record.
 */
export interface CoordinatorPorts {
  readonly guardrailPrompts: GuardrailPrompts;
  /** The guardrail output channel; the composed features dispose it with themselves. */
  readonly guardrailChannel: GuardrailChannel;
  readonly worktreeUi: WorktreeUi;
}

/** The features one composition registered; each is disposed through `context.subscriptions`. */
export interface ComposedCoordinator {
  readonly services: CreatedServices;
  readonly tasks: TasksFeature;
  readonly statusBar: vscode.StatusBarItem;
  readonly dashboard: DashboardFeature;
  readonly guardrails: GuardrailsFeature;
  readonly worktrees: WorktreesFeature;
  readonly github: GitHubFeature;
  readonly snapshots: SnapshotsFeature;
  readonly mcp: McpServerFeature;
  readonly launcher: LauncherFeature;
  readonly conflicts: ConflictRadar;
  readonly planBranches: PlanBranchesFeature;
  readonly reviews: ReviewWatch;
  /** Where the editor's review gate finds approvals on a task's PR. */
  readonly pullRequestReviews: EditorPullRequestReviews;
  readonly agentStates: AgentStates;
  readonly attention: AttentionFeature;
  readonly languageModelTools: LanguageModelToolsFeature;
}

/** Wires every feature of the extension, asking the user through `ports`. */
export function composeCoordinator(
  context: vscode.ExtensionContext,
  ports: CoordinatorPorts,
): ComposedCoordinator {
  const services = createServices(context);
  registerDiagnostics(services);
  const tasks = registerTasksView(services);
  const guardrails = registerGuardrails(services, ports.guardrailPrompts, ports.guardrailChannel);
  // The PR approvals the review gate counts come from the GitHub feature, registered below.
  const late: { github?: GitHubFeature } = {};
  const pullRequestReviews = editorPullRequestReviews(services, () => late.github?.pullRequests);
  registerCommands(services, tasks, guardrails, pullRequestReviews);
  const statusBar = registerProgressStatusBar(services);
  registerNotifications(services);
  registerMergeDriverOffer(services);
  context.subscriptions.push(new UnsavedPlanEdits(services));
  const dashboard = registerDashboard(services);
  guardrails.addToDashboard(dashboard);
  const worktrees = registerWorktrees(services, dashboard, ports.worktreeUi, (session) =>
    late.github?.pullRequests.forSession(session).service(),
  );
  const github = registerGitHub(services, tasks, dashboard);
  late.github = github;
  const snapshots = registerSnapshots(services, dashboard, github.pullRequests);
  const mcp = registerMcpServer(services);
  const launcher = registerCoordLauncher(services);
  registerAgentExitState(services);
  const conflicts = registerConflicts(services, tasks, worktrees, dashboard);
  const planBranches = registerPlanBranches(services, tasks, dashboard);
  const reviews = registerReviews(services, tasks, dashboard, pullRequestReviews);
  const agentStates = new AgentStates(services.sessions);
  const attention = registerAttention(services, existingTaskTerminal, dashboard);
  const reviewAttention = new ReviewAttentionProvider(services.sessions, services.log);
  context.subscriptions.push(
    agentStates,
    reviewAttention,
    tasks.provider.addDecorator(new AgentStateTreeDecorator(agentStates)),
    worktrees.provider.addDecorator(new AgentStateTreeDecorator(agentStates)),
    attention.queue.addProvider(agentAttentionProvider(agentStates)),
    attention.queue.addProvider(guardrailAttentionProvider(services.sessions)),
    attention.queue.addProvider(conflictAttentionProvider(conflicts)),
    attention.queue.addProvider(waitOverAttentionProvider(services.sessions)),
    attention.queue.addProvider(reviewAttention),
  );
  const languageModelTools = registerLanguageModelTools(services);
  return {
    services,
    tasks,
    statusBar,
    dashboard,
    guardrails,
    worktrees,
    github,
    snapshots,
    mcp,
    launcher,
    conflicts,
    planBranches,
    pullRequestReviews,
    reviews,
    agentStates,
    attention,
    languageModelTools,
  };
}
