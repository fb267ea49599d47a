import type { CiState, ReviewDecision } from '../../github/model/types';
import type {
  DerivedSummary,
  DisplayStatus,
  Priority,
  TaskStatus,
} from '../../../kernel/model/types';

/** Written into every snapshot so readers can tell versions apart. */
export const SNAPSHOT_FORMAT = 'agent-coordinator.snapshot/1';

export interface SnapshotTask {
  key: string;
  id: string;
  group: string;
  name: string;
  owner: string;
  status: TaskStatus;
  displayStatus: DisplayStatus;
  priority?: Priority;
  estimateHours?: number;
  progressPercentage?: number;
  branch?: string;
  prNumber?: number;
  /** Every PR of a task split across several, in file order; absent for one or none. */
  prNumbers?: number[];
  criticalReview: boolean;
  dependencies: string[];
  blockers: string[];
  /** Path of the worktree holding the task's branch, relative to the repository root. */
  worktree?: string;
}

export interface SnapshotPullRequest {
  number: number;
  title: string;
  url: string;
  state: 'open' | 'closed' | 'merged';
  draft: boolean;
  headRef: string;
  author?: string;
  /** `unknown` for PRs whose checks were not fetched (those not linked to a task). */
  ci: CiState | 'unknown';
  failingChecks: string[];
  reviewDecision?: ReviewDecision;
  mergeable?: boolean | null;
  taskKeys: string[];
}

export interface SnapshotGitHub {
  available: boolean;
  /** Why GitHub data is missing or stale. Never contains a token. */
  reason?: string;
  repository?: string;
  fetchedAt?: string;
  /** True when the data is the last known state from an earlier refresh. */
  stale: boolean;
  openPullRequests: number;
  pullRequests: SnapshotPullRequest[];
}

export interface SnapshotCiFailure {
  prNumber: number;
  title: string;
  taskKeys: string[];
  checks: string[];
}

export interface SnapshotWorktree {
  path: string;
  branch?: string;
  head?: string;
  main: boolean;
  taskKeys: string[];
  locked: boolean;
  prunable: boolean;
}

export interface SnapshotGuardrail {
  key: string;
  required: boolean;
  status: string;
  lastRun?: string;
  durationMs?: number;
  command: string;
  dependsOn?: string;
}

export interface SnapshotEdge {
  /** The task key, or the prerequisite's name when `external`. */
  from: string;
  to: string;
  external: boolean;
}

export interface SnapshotChanges {
  since: string;
  completion: { from: number; to: number };
  statusChanges: Array<{ key: string; name: string; from: string; to: string }>;
  tasksAdded: Array<{ key: string; name: string }>;
  tasksRemoved: Array<{ key: string; name: string }>;
  pullRequestsOpened: Array<{ number: number; title: string }>;
  pullRequestsClosed: Array<{ number: number; title: string }>;
  ciChanges: Array<{ number: number; from: string; to: string }>;
  guardrailChanges: Array<{ key: string; from: string; to: string }>;
  worktreesAdded: string[];
  worktreesRemoved: string[];
}

export interface SnapshotDocument {
  format: typeof SNAPSHOT_FORMAT;
  /** `YYYYMMDDTHHMMSSZ`, UTC. */
  snapshotId: string;
  capturedAt: string;
  taskFile?: string;
  summary: DerivedSummary;
  /** Problems with the task file at capture time (count by severity and the first messages). */
  diagnostics: { errors: number; warnings: number; messages: string[] };
  tasks: SnapshotTask[];
  groups: Array<{ key: string; taskKeys: string[] }>;
  github: SnapshotGitHub;
  ciFailures: SnapshotCiFailure[];
  worktrees: SnapshotWorktree[];
  /** Set when the worktree list could not be read. */
  worktreesError?: string;
  guardrails: SnapshotGuardrail[];
  dependencies: SnapshotEdge[];
  previousSnapshotId?: string;
  changes?: SnapshotChanges;
  /** The conflict radar at capture time, when it ran. */
  conflicts?: SnapshotConflicts;
}

/** Pairs of live branches that would conflict, or why the forecast could not be made. */
export type SnapshotConflicts =
  | {
      base: string;
      branches: number;
      /** Pairs that share a changed file and were merged; the rest cannot conflict. */
      mergedPairs: number;
      conflicting: Array<{ a: string; b: string; files: string }>;
      notes: string[];
    }
  | { error: string };
