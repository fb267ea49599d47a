/** Every id the manifest and the code share. A unit test checks this module against package.json. */

export const EXTENSION_ID = 'agent-coordinator.agent-coordinator';

export const Commands = {
  startTaskInWorktree: 'coordinator.startTaskInWorktree',
  openDashboard: 'coordinator.openDashboard',
  runGuardrails: 'coordinator.runGuardrails',
  runGuardrail: 'coordinator.runGuardrail',
  runGuardrailsInWorktree: 'coordinator.runGuardrailsInWorktree',
  cancelGuardrails: 'coordinator.cancelGuardrails',
  showGuardrailOutput: 'coordinator.showGuardrailOutput',
  captureSnapshot: 'coordinator.captureSnapshot',
  importMarkdownPlan: 'coordinator.importMarkdownPlan',
  refresh: 'coordinator.refresh',
  createTaskFile: 'coordinator.createTaskFile',
  selectTaskFile: 'coordinator.selectTaskFile',
  revealTask: 'coordinator.revealTask',
  openTask: 'coordinator.openTask',
  revealTaskInFile: 'coordinator.revealTaskInFile',
  showTaskDependencies: 'coordinator.showTaskDependencies',
  setTaskStatus: 'coordinator.setTaskStatus',
  setTaskProgress: 'coordinator.setTaskProgress',
  reviewTask: 'coordinator.reviewTask',
  requestReview: 'coordinator.requestReview',
  openTaskPullRequest: 'coordinator.openTaskPullRequest',
  copyBranchName: 'coordinator.copyBranchName',
  openWorktreeInNewWindow: 'coordinator.openWorktreeInNewWindow',
  openTerminalInWorktree: 'coordinator.openTerminalInWorktree',
  openWorktreeWindow: 'coordinator.openWorktreeWindow',
  openWorktreeTerminal: 'coordinator.openWorktreeTerminal',
  revealWorktree: 'coordinator.revealWorktree',
  finishWorktreeTask: 'coordinator.finishWorktreeTask',
  removeWorktree: 'coordinator.removeWorktree',
  prepareWorktreeDependencies: 'coordinator.prepareWorktreeDependencies',
  pruneWorktrees: 'coordinator.pruneWorktrees',
  reapWorktrees: 'coordinator.reapWorktrees',
  restoreWorktreeBackup: 'coordinator.restoreWorktreeBackup',
  refreshWorktrees: 'coordinator.refreshWorktrees',
  groupTasksByGroup: 'coordinator.groupTasksByGroup',
  groupTasksByOwner: 'coordinator.groupTasksByOwner',
  groupTasksByStatus: 'coordinator.groupTasksByStatus',
  groupTasksByPriority: 'coordinator.groupTasksByPriority',
  groupTasksByPhase: 'coordinator.groupTasksByPhase',
  sortTasksByFileOrder: 'coordinator.sortTasksByFileOrder',
  sortTasksByPriority: 'coordinator.sortTasksByPriority',
  filterReadyTasks: 'coordinator.filterReadyTasks',
  filterMyTasks: 'coordinator.filterMyTasks',
  filterBlockedTasks: 'coordinator.filterBlockedTasks',
  hideCompletedTasks: 'coordinator.hideCompletedTasks',
  clearTaskFilters: 'coordinator.clearTaskFilters',
  refreshPullRequests: 'coordinator.refreshPullRequests',
  signInToGitHub: 'coordinator.signInToGitHub',
  createPullRequest: 'coordinator.createPullRequest',
  setupMergeDriver: 'coordinator.setupMergeDriver',
  commitPlan: 'coordinator.commitPlan',
  adoptPlanEdits: 'coordinator.adoptPlanEdits',
  showAttention: 'coordinator.showAttention',
  openAttentionItem: 'coordinator.openAttentionItem',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'coordinator',
  tasks: 'coordinator.tasks',
  worktrees: 'coordinator.worktrees',
  attention: 'coordinator.attention',
} as const;

export const Settings = {
  section: 'coordinator',
  taskFile: 'taskFile',
  me: 'me',
  tasksGroupBy: 'tasks.groupBy',
  tasksSortBy: 'tasks.sortBy',
  notifyTaskReady: 'notifications.taskReady',
  notifyAgentExit: 'notifications.agentExit',
  worktreesBranchTemplate: 'worktrees.branchTemplate',
  worktreesPathTemplate: 'worktrees.pathTemplate',
  worktreesBaseBranch: 'worktrees.baseBranch',
  worktreesCopyGlobs: 'worktrees.copyGlobs',
  worktreesSetupCommand: 'worktrees.setupCommand',
  worktreesBriefFileName: 'worktrees.briefFileName',
  worktreesOpenInNewWindow: 'worktrees.openInNewWindow',
  worktreesOpenTerminal: 'worktrees.openTerminal',
  agents: 'agents',
  /** A list, not `guardrails` itself: that name holds the settings below. */
  reviewsGitHubLogins: 'reviews.githubLogins',
  reviewsSlaHours: 'reviews.slaHours',
  guardrailsDefinitions: 'guardrails.definitions',
  guardrailsTimeoutMinutes: 'guardrails.timeoutMinutes',
  guardrailsParallelism: 'guardrails.parallelism',
  guardrailsEnv: 'guardrails.env',
  guardrailsCwd: 'guardrails.cwd',
  guardrailsLogFolder: 'guardrails.logFolder',
  guardrailsMaxAgeHours: 'guardrails.maxAgeHours',
  guardrailsChannelLimitMB: 'guardrails.channelLimitMB',
  guardrailsRequirePassBeforeComplete: 'guardrails.requirePassBeforeComplete',
  githubApiBaseUrl: 'github.apiBaseUrl',
  githubOwner: 'github.owner',
  githubRepo: 'github.repo',
  githubRefreshIntervalMinutes: 'github.refreshIntervalMinutes',
  githubPrBodyTemplate: 'github.prBodyTemplate',
  githubDraft: 'github.draft',
  githubCriticalReviewLabels: 'github.criticalReviewLabels',
  githubCriticalReviewReviewers: 'github.criticalReviewReviewers',
  githubFetchReviews: 'github.fetchReviews',
  githubFetchMergeable: 'github.fetchMergeable',
  snapshotsFolder: 'snapshots.folder',
  snapshotsDaily: 'snapshots.daily',
  conflictsForecast: 'conflicts.forecast',
  planBranchesView: 'plan.branchesView',
  planFetchIntervalMinutes: 'plan.fetchIntervalMinutes',
  planCoordinatorBranch: 'plan.coordinatorBranch',
  planCommitOnStatusChange: 'plan.commitOnStatusChange',
  /** Application-scoped: only the user can let the extension use GITHUB_TOKEN / GH_TOKEN. */
  githubAllowEnvironmentToken: 'github.allowEnvironmentToken',
  githubConnectTimeoutSeconds: 'github.connectTimeoutSeconds',
  githubIdleTimeoutSeconds: 'github.idleTimeoutSeconds',
  githubMaxResponseMegabytes: 'github.maxResponseMegabytes',
  mcpAllowOtherTasks: 'mcp.allowOtherTasks',
  agentStateStaleAfterMinutes: 'agentState.staleAfterMinutes',
  notifyAgentAttention: 'notifications.agentAttention',
} as const;

export const ContextKeys = {
  hasTaskFile: 'coordinator.hasTaskFile',
  taskFileBroken: 'coordinator.taskFileBroken',
  tasksGroupBy: 'coordinator.tasks.groupBy',
  tasksSortBy: 'coordinator.tasks.sortBy',
  tasksFilterReady: 'coordinator.tasks.filterReady',
  tasksFilterMine: 'coordinator.tasks.filterMine',
  tasksFilterBlocked: 'coordinator.tasks.filterBlocked',
  tasksHideCompleted: 'coordinator.tasks.hideCompleted',
  tasksFiltered: 'coordinator.tasks.filtered',
  githubSignInNeeded: 'coordinator.github.signInNeeded',
} as const;

/** Ids of other contributions: the progress status-bar item, the view's filter and group-by submenus. */
export const StatusBarItems = {
  progress: 'coordinator.progress',
  guardrails: 'coordinator.guardrails',
  attention: 'coordinator.attention',
} as const;

export const Menus = {
  tasksGroupBy: 'coordinator.tasks.groupByMenu',
  tasksFilter: 'coordinator.tasks.filterMenu',
} as const;

/** Webview panel view types (also in package.json's `onWebviewPanel:` activation event). */
export const Webviews = {
  dashboard: 'coordinator.dashboard',
  task: 'coordinator.task',
} as const;

/** `contributes.taskDefinitions` types. */
export const TaskTypes = {
  guardrail: 'coordinator-guardrail',
} as const;

export const OutputChannels = {
  main: 'Coordinator',
  guardrails: 'Coordinator Guardrails',
} as const;

/** `contributes.mcpServerDefinitionProviders` ids. */
export const McpProviders = {
  server: 'coordinator.mcpServer',
} as const;

/** `contributes.languageModelTools` names: the plan tools for VS Code's agent mode. */
export const LanguageModelTools = {
  overview: 'coordinator_plan_overview',
  nextTasks: 'coordinator_next_tasks',
  showTask: 'coordinator_show_task',
  updateTask: 'coordinator_update_task',
  claimTask: 'coordinator_claim_task',
} as const;
