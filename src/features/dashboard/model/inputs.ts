import type { LoadedTaskFile } from '../../../kernel/model/types';
import type {
  DashboardAttentionItem,
  DashboardConflicts,
  DashboardGitHubFreshness,
  DashboardPullRequest,
  GuardrailVerdict,
  HistoryPoint,
} from '../../../protocol/dashboardModel';

/** Guardrail run results from the guardrail runner; they win over the status stored in the file. */
export interface GuardrailRunInput {
  key: string;
  required?: boolean;
  verdict: GuardrailVerdict;
  lastRun?: string;
  durationMs?: number;
}

/** A pull request, matched to a task by `taskKey`, else by head `branch`, else by the task's `pr_number`. */
export interface PullRequestInput extends DashboardPullRequest {
  taskKey?: string;
  branch?: string;
}

/** A worktree, matched to a task by `taskKey`, else by `branch`. */
export interface WorktreeInput {
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

/** A task further along on another branch than in the plan, in words (`completed on feat/x, not merged`). */
export interface BranchPlanInput {
  taskKey: string;
  summary: string;
}

/** Data from other features (guardrails, GitHub, worktrees, snapshots); every part is optional. */
export interface DashboardExtras {
  guardrails?: GuardrailRunInput[];
  pullRequests?: PullRequestInput[];
  worktrees?: WorktreeInput[];
  history?: HistoryPoint[];
  github?: DashboardGitHubFreshness;
  branchPlans?: BranchPlanInput[];
  /** Required reviews still awaited, from the review watch. */
  awaitedReviews?: { taskKey: string; reviewer: string; overdue: boolean }[];
  attention?: DashboardAttentionItem[];
  /** Branch pairs the conflict radar forecasts to conflict at merge; absent when it has not run. */
  conflictingPairs?: string[];
  /** The conflict radar's matrix; absent when the forecast is off or not yet run. */
  conflicts?: DashboardConflicts;
}

export interface DashboardInputs extends DashboardExtras {
  folderName: string;
  folderUri: string;
  taskFile?: string;
  loaded: LoadedTaskFile | undefined;
  /** `coordinator.reviews.slaHours`; 24 by default. */
  reviewSlaHours?: number;
  /** Now, for the measures that run to the present; the clock by default. */
  now?: Date;
}
