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
  readonly reviews: ReviewWatch;
  /** Where the editor's review gate finds approvals on a task's PR. */
  readonly pullRequestReviews: EditorPullRequestReviews;
}

export function activate(context: vscode.ExtensionContext): CoordinatorApi {
  const started = performance.now();
  const services = createServices(context);
  registerDiagnostics(services);
  const tasks = registerTasksView(services);
  const guardrails = registerGuardrails(services);
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
  const worktrees = registerWorktrees(services, dashboard);
  const github = registerGitHub(services, tasks, dashboard);
  late.github = github;
  const snapshots = registerSnapshots(services, dashboard, github.pullRequests);
  const mcp = registerMcpServer(services);
  const conflicts = registerConflicts(services, tasks);
  const reviews = registerReviews(services, tasks, dashboard, pullRequestReviews);
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
      pullRequestReviews,
      reviews,
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
