/**
 * The normalised task model. Every reader of a task file (extension, CLI, dashboard, snapshots,
 * benchmarks) sees this shape, whatever variant of the file it came from.
 */

export const TASK_STATUSES = [
  'not_started',
  'in_progress',
  'waiting',
  'blocked',
  'completed',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A status as shown to people: `ready` is derived (not started and every task dependency completed). */
export type DisplayStatus = TaskStatus | 'ready';

/** Zero-based offsets into the file text, for diagnostics and "Reveal in Task File". */
export interface TextRange {
  offset: number;
  length: number;
}

export interface Estimate {
  /** Best single figure in hours (midpoint of a range). */
  hours: number;
  low: number;
  high: number;
  /** As written in the file, e.g. `2-3h`, `30min`, `2.5`. */
  text: string;
}

/** Shared between tasks with the same figures, so read-only. */
export interface Progress {
  readonly totalSteps: number;
  readonly completedSteps: number;
  /** 0..100, derived from the steps when both are present, else the stored percentage. */
  readonly percentage: number;
}

export interface Task {
  /** The map key in schema 1.0 (`task1_shadow_diff`); the id for flat arrays. Unique. */
  key: string;
  /** The short id (`task1`); equals key when the file has none. */
  id: string;
  group: string;
  /** Position in file order across all groups. */
  index: number;
  name: string;
  /** Raw owner text, e.g. `Codex + Copilot`. */
  owner: string;
  /** Owner split into agents/people: `['Codex', 'Copilot']`. */
  owners: readonly string[];
  status: TaskStatus;
  /** Status text exactly as written, when it differed from the normalised one. */
  statusText?: string;
  priority?: Priority;
  estimate?: Estimate;
  hoursSpent?: number;
  branch?: string;
  /** The first of `prNumbers`, for readers that show one PR. */
  prNumber?: number;
  /** Every PR of the task (`pr_number`, then `pr_numbers`/`prs`), each once, in file order. */
  prNumbers: readonly number[];
  worktreePath?: string;
  startedAt?: string;
  criticalReview: boolean;
  progress?: Progress;
  /** As written: task keys, task ids or external prerequisites. */
  dependencies: readonly string[];
  blockers: readonly string[];
  notes: readonly string[];
  files: readonly string[];
  acceptance: readonly string[];
  deliverables: readonly string[];
  /** Review or step checklist items, as written. */
  checklist: readonly string[];
  risk?: string;
  phase?: string;
  reviewer?: string;
  /** The task's JSON object exactly as parsed, including unknown fields. */
  raw: Record<string, unknown>;
  /** Range of the whole task object in the file text. */
  range?: TextRange;
  /**
   * Where the task object sits in the document when that is not `['tasks', group, key]`, e.g.
   * `['tasks', 3]`; absent in the usual layout, where a path per task was a large file's largest
   * garbage. Read it with `taskJsonPath`.
   */
  jsonPath?: ReadonlyArray<string | number>;
}

export interface TaskGroup {
  key: string;
  /** Task keys in file order. */
  taskKeys: string[];
}

export interface GuardrailDefinition {
  key: string;
  command: string;
  required: boolean;
  /** Every entry must match a line of the output: text (any case) or `/regex/flags`. */
  expected?: string[];
  outputPath?: string;
  /** A task key (or id) that must be completed before this guardrail is meaningful. */
  dependsOn?: string;
  description?: string;
  /** Recorded by the last run, as stored in the file. */
  status?: string;
  lastRun?: string;
  durationMs?: number;
  /** The likeliest cause of the last failure, as recorded. */
  cause?: string;
  raw: Record<string, unknown>;
}

export interface StoredSummary {
  totalTasks?: number;
  inProgress?: number;
  completed?: number;
  notStarted?: number;
  blocked?: number;
  completionPercentage?: number;
}

export interface TaskModel {
  schemaVersion?: string;
  lastUpdated?: string;
  /**
   * `map` for schema 1.0 groups of maps (or lists), `array` for a flat tasks array, `nested` for
   * tasks under `task_categories`, `agents` or `owners`, or a file that is one task.
   */
  layout: 'map' | 'array' | 'nested';
  groups: TaskGroup[];
  /** Every task in file order. */
  tasks: Task[];
  byKey: ReadonlyMap<string, Task>;
  guardrails: GuardrailDefinition[];
  storedSummary?: StoredSummary;
  metrics?: Record<string, unknown>;
  /** The whole parsed document. */
  raw: Record<string, unknown>;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** 1-based line and column, as editors and `file:line:col` print them. */
  line: number;
  column: number;
  range: TextRange;
  /** A stable machine-readable code, e.g. `json-syntax`, `unknown-status`, `cycle`. */
  code: string;
  taskKey?: string;
  /** What should replace the text at `range`, for a quick fix (e.g. the task key a typo meant). */
  suggestion?: string;
}

export interface DependencyRef {
  /** As written in the file. */
  name: string;
  /** The key of the task it resolved to, by key or by id. Absent for external prerequisites. */
  taskKey?: string;
}

export interface TaskGraph {
  /** For each task key: its resolved task dependencies and its external prerequisites. */
  dependencies: ReadonlyMap<string, DependencyRef[]>;
  /** For each task key: the keys of the tasks that depend on it. */
  dependents: ReadonlyMap<string, string[]>;
  /** Each cycle as the list of its member keys. */
  cycles: string[][];
  /** Keys of tasks that are not started and whose task dependencies are all completed. */
  ready: ReadonlySet<string>;
  /** Longest chain by estimated hours, as task keys from first to last. */
  criticalPath: string[];
}

export interface DerivedSummary {
  total: number;
  byStatus: Record<TaskStatus, number>;
  ready: number;
  completionPercentage: number;
  hoursEstimated: number;
  hoursSpent: number;
  hoursRemaining: number;
}

/** Everything a reader gets from one read of the file. */
export interface LoadedTaskFile {
  /** Absent only when no good state has ever been read. */
  model?: TaskModel;
  graph?: TaskGraph;
  summary?: DerivedSummary;
  diagnostics: Diagnostic[];
  /** True when the text did not parse or had errors that prevent writing. */
  broken: boolean;
  text: string;
}
