import type { DisplayStatus, Priority, TaskStatus } from '../kernel/model/types';

/**
 * The dashboard's view model: what the host sends and the webview renders. Plain JSON only
 * (it crosses `postMessage`), every string is data to be shown as text.
 */

export interface DashboardDependency {
  /** As written in the file. */
  name: string;
  /** The task it resolved to; absent for an external prerequisite. */
  taskKey?: string;
  /** Whether the dependency is satisfied (a completed task); external prerequisites count as unknown = false. */
  done: boolean;
}

export interface DashboardPullRequest {
  number: number;
  state: 'open' | 'closed' | 'merged' | 'draft';
  /** Combined CI verdict of the head commit. */
  ci: 'passing' | 'failing' | 'pending' | 'none';
  url?: string;
}

export interface DashboardWorktree {
  path: string;
  branch?: string;
  taskKey?: string;
  dirty?: boolean;
  /** Files changed (staged, unstaged, untracked or conflicted). */
  dirtyCount?: number;
  /** Commits ahead of and behind the base branch. */
  ahead?: number;
  behind?: number;
  /** Newest sign of work, seconds since the epoch. */
  lastActivity?: number;
  /** The linked task's agent state (`working`, `stale`, `needs_input`...). */
  agentState?: string;
  /** Disk taken by the worktree's folder, as last measured. */
  diskBytes?: number;
}

export interface DashboardTask {
  key: string;
  id: string;
  name: string;
  group: string;
  /** Position in file order. */
  index: number;
  owner: string;
  owners: string[];
  status: TaskStatus;
  displayStatus: DisplayStatus;
  priority?: Priority;
  estimateHours?: number;
  hoursSpent?: number;
  branch?: string;
  /** As recorded in the task file. */
  prNumber?: number;
  criticalReview: boolean;
  progressPercentage?: number;
  dependencies: DashboardDependency[];
  /** Keys of the tasks that depend on this one. */
  dependents: string[];
  blockers: string[];
  /** Acceptance criteria and checklist items, as written; absent when the task has none. */
  acceptance?: string[];
  checklist?: string[];
  /** Every PR of a task split across several, when it has more than one. */
  prNumbers?: number[];
  onCriticalPath: boolean;
  /** Not completed and waiting (directly or through a chain) on an unfinished task or prerequisite. */
  inBlockedChain: boolean;
  inCycle: boolean;
  pullRequest?: DashboardPullRequest;
  worktree?: DashboardWorktree;
  /** Where the task is further along on another branch than in the plan, in words. */
  onBranches?: string[];
  /** Time worked (in progress, less blocked and waiting), from the recorded status changes. */
  actualHours?: number;
  /** Completed more than the tolerance (30 min) off its estimate. */
  outsideEstimate?: boolean;
  /** A required review of it is past the review SLA. */
  reviewOverdue?: boolean;
}

export interface CountByStatus {
  total: number;
  completed: number;
  inProgress: number;
  /** Blocked or waiting. */
  waitingOrBlocked: number;
}

export interface OwnerProgress extends CountByStatus {
  owner: string;
  /** Hours worked on the owner's tasks, as recorded. */
  actualHours?: number;
  /** Completed tasks off their estimate by more than the tolerance. */
  outsideEstimate?: number;
}

/** One of the seeds' success criteria; `met` absent when there is nothing to judge yet. */
export interface DashboardCriterion {
  key: string;
  label: string;
  met?: boolean;
  detail: string;
}

/** The success criteria over one day or week (UTC), oldest first in the view model. */
export interface DashboardCriteriaPeriod {
  /** First day of the period, `YYYY-MM-DD`. */
  start: string;
  unit: 'day' | 'week';
  completed: number;
  /** Completed tasks judged against their estimate, and those outside the tolerance. */
  judged: number;
  outsideEstimate: number;
  reviewsApproved: number;
  /** Reviews that passed the SLA in the period, approved late or still open. */
  reviewsLate: number;
  /** Days with a saved snapshot, of the period's days up to today. */
  snapshotDays: number;
  days: number;
  /** Completion in the period's last snapshot. */
  completionPercentage?: number;
}

export interface PriorityProgress extends CountByStatus {
  priority: Priority | 'none';
}

export interface DashboardSummary {
  total: number;
  notStarted: number;
  inProgress: number;
  waiting: number;
  completed: number;
  blocked: number;
  ready: number;
  completionPercentage: number;
  hoursEstimated: number;
  hoursSpent: number;
  hoursRemaining: number;
  requiredGuardrails: number;
  requiredGuardrailsPassing: number;
  /** Undefined when no pull-request data is available. */
  openPullRequests?: number;
  ciFailures?: number;
  /** Undefined when no worktree data is available. */
  worktrees?: number;
}

export type GuardrailVerdict = 'passed' | 'failed' | 'running' | 'skipped' | 'unknown';

export interface DashboardGuardrail {
  key: string;
  required: boolean;
  verdict: GuardrailVerdict;
  /** ISO timestamp of the last run; the page shows its age. */
  lastRun?: string;
  durationMs?: number;
  command?: string;
  dependsOn?: string;
}

export interface DashboardGitHubFreshness {
  /** ISO timestamp of the data shown (the page shows its age); absent when GitHub never answered. */
  fetchedAt?: string;
  /** The latest refresh failed (rate limit, network, sign-in): the data shown is older, or there is none. */
  problem?: string;
  /** No token: the page offers to sign in to GitHub. */
  signInNeeded?: boolean;
}

/** One thing waiting for a person, as the attention queue lists it (most pressing first). */
export interface DashboardAttentionItem {
  id: string;
  /** The queue's kind: `agentNeedsInput`, `guardrailFailed`, `reviewOverdue`, ... */
  kind: string;
  title: string;
  detail?: string;
  taskKey?: string;
  since?: string;
}

/** One file two sides of the conflict matrix both changed. */
export interface DashboardConflictFile {
  path: string;
  /** Conflict blocks in the merged file; 0 when the conflict is not about lines (delete, binary). */
  hunks: number;
  /** Git's conflict types for the file, e.g. `content`, `modify/delete`. */
  kinds: string[];
}

/** A cell of the conflict matrix: two sides that changed common files, and what merging them does. */
export interface DashboardConflictCell {
  a: string;
  b: string;
  /** `conflict`: merging both conflicts in `files`; `clean`: they share `files` but merge cleanly. */
  status: 'conflict' | 'clean' | 'error';
  files: DashboardConflictFile[];
  /** Why the pair could not be merged, for `error`. */
  message?: string;
}

/** The conflict radar's forecast as a matrix: live branches (by task key) × live branches. */
export interface DashboardConflicts {
  base: string;
  /** Row and column headings: every side in a pair that shares files, tasks first, the base last. */
  labels: string[];
  cells: DashboardConflictCell[];
  /** What was left out (a deleted branch, a detached worktree, ...). */
  notes: string[];
}

export interface HistoryPoint {
  /** ISO date or timestamp. */
  date: string;
  completionPercentage: number;
}

export interface DashboardViewModel {
  folderName: string;
  /** The workspace folder's URI as a string; the serializer restores the panel from it. */
  folderUri: string;
  taskFile?: string;
  lastUpdated?: string;
  /** When GitHub last answered, and why the latest refresh failed; absent without GitHub data. */
  github?: DashboardGitHubFreshness;
  /** The task file does not currently parse; the model shown is the last good one. */
  broken: boolean;
  problems: number;
  summary: DashboardSummary;
  byOwner: OwnerProgress[];
  byPriority: PriorityProgress[];
  /** Every task in file order. */
  tasks: DashboardTask[];
  groups: string[];
  criticalPath: string[];
  cycles: string[][];
  /** Tasks blocked, waiting, or carrying blockers, in file order. */
  blockerQueue: string[];
  /** Unfinished tasks that need a critical review or wait for a required one, in file order. */
  reviewQueue: string[];
  /** Tasks with a required review past the SLA, in file order. */
  overdueReviews: string[];
  /** The seeds' success criteria, measured on the plan. */
  successCriteria: DashboardCriterion[];
  /** The same criteria day by day (the last 14 days) or week by week (the last 12 weeks). */
  successOverTime: DashboardCriteriaPeriod[];
  guardrails: DashboardGuardrail[];
  worktrees: DashboardWorktree[];
  history: HistoryPoint[];
  /** The attention queue of the folder, shown at the top of the page. */
  attention?: DashboardAttentionItem[];
  /** The conflict radar's matrix; absent when the forecast is off or not yet run. */
  conflicts?: DashboardConflicts;
}

/** The fields of the view model other than `tasks`, which travel as whole values in a delta. */
export type DashboardSections = Omit<DashboardViewModel, 'tasks'>;

/** What changed between two view models. Applying it to the old one yields the new one. */
export interface DashboardDelta {
  /** Tasks added or changed, whole. */
  changed: DashboardTask[];
  removed: string[];
  /** The full key order, present only when it changed (beyond appends/removals handled above). */
  order?: string[];
  /**
   * Top-level sections whose value changed, whole; `null` for a section that went away, because
   * the message travels as JSON, which drops keys whose value is undefined.
   */
  sections: { [K in keyof DashboardSections]?: DashboardSections[K] | null };
}
