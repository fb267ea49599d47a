import type { MergeRule } from './mergeRule';

/**
 * What a field's value may be. `kernel/schema` turns each into a zod schema; the reader's typed
 * reads follow the same kinds.
 */
export type TaskFieldType =
  /** A string. */
  | 'text'
  /** A string or a number (ids and keys). */
  | 'textOrNumber'
  /** A string or `null`. */
  | 'optionalText'
  /** One person or role, or a list of them. */
  | 'people'
  /** A status, in any accepted spelling. */
  | 'status'
  /** A priority: P0–P3, critical/high/medium/low. */
  | 'priority'
  /** Hours, a duration text, a range, a T-shirt size or `{type, size}`. */
  | 'estimate'
  /** A non-negative number. */
  | 'hours'
  /** A non-negative whole number. */
  | 'count'
  /** A pull request number, or `null`. */
  | 'prNumber'
  /** Pull request numbers, or one. */
  | 'prNumbers'
  /** An ISO time. */
  | 'time'
  /** `true` or `false`. */
  | 'flag'
  /** `{total_steps, completed_steps, percentage}`. */
  | 'progress'
  /** A list of strings, or one string. */
  | 'textList'
  /** A list of strings, one string, or an object of item name → text. */
  | 'namedTexts'
  /** Recorded reviews. */
  | 'reviews'
  /** Requests for a review. */
  | 'reviewRequests'
  /** Recorded status changes. */
  | 'statusHistory';

export interface TaskFieldSpec {
  /** Every spelling, preferred first: the reader, the schema and the merge accept each one. */
  names: readonly string[];
  type: TaskFieldType;
  /** How a change both sides of a merge made differently is resolved. */
  merge: MergeRule;
  /** Read into the task model by the reader (the rest stay in `raw`, described and merged). */
  read: boolean;
  /** Hover text in the editor; the status, priority, estimate and progress kinds describe their accepted values themselves. */
  description?: string;
}

/**
 * The task fields of the task-file format, in one place: the reader's field names and aliases
 * (`TASK_FIELDS` below), the JSON Schema (`kernel/schema/taskFileSchema.ts`) and the merge rules
 * (`features/plan-merge/model/rules.ts`) are all derived from it. The read fields come first, in
 * the order of the reader's slots.
 */
export const TASK_FIELD_TABLE = {
  name: {
    names: ['name', 'title'],
    type: 'text',
    merge: 'conflict',
    read: true,
    description: 'Title of the task.',
  },
  id: {
    names: ['id', 'task_id'],
    type: 'textOrNumber',
    merge: 'conflict',
    read: true,
    description:
      'Short id (task1, taskB, cc3, INV-102); dependencies may name a task by id or by key. In a list of tasks it is also the task key.',
  },
  owner: {
    names: ['owner', 'owners', 'assignee', 'agent'],
    type: 'people',
    merge: 'conflict',
    read: true,
    description:
      'Who does it: an agent or person, several joined with "+" (e.g. "Codex + Copilot").',
  },
  status: { names: ['status', 'state'], type: 'status', merge: 'status', read: true },
  priority: { names: ['priority'], type: 'priority', merge: 'conflict', read: true },
  estimate: {
    names: ['estimated_hours', 'estimate', 'estimated_time', 'time', 'est'],
    type: 'estimate',
    merge: 'conflict',
    read: true,
  },
  hoursSpent: {
    names: ['hours_spent', 'time_spent'],
    type: 'hours',
    merge: 'larger',
    read: true,
    description: 'Hours spent so far.',
  },
  branch: {
    names: ['branch'],
    type: 'optionalText',
    merge: 'conflict',
    read: true,
    description:
      'Task branch, by convention <type>/<agent>/<slug>, e.g. feat/codex/shadow-diff-harness. Two tasks may share one.',
  },
  prNumber: {
    names: ['pr_number', 'pr'],
    type: 'prNumber',
    merge: 'conflict',
    read: true,
    description: 'Number of the pull request for this task.',
  },
  worktreePath: {
    names: ['worktree_path', 'worktree'],
    type: 'text',
    merge: 'conflict',
    read: true,
    description: 'Path of the git worktree the task is worked in.',
  },
  startedAt: {
    names: ['started_at'],
    type: 'time',
    merge: 'later',
    read: true,
    description: 'When work started (ISO time).',
  },
  criticalReview: {
    names: ['critical_review'],
    type: 'flag',
    merge: 'conflict',
    read: true,
    description: 'A reviewer must sign off before merge.',
  },
  progress: { names: ['progress'], type: 'progress', merge: 'progress', read: true },
  dependencies: {
    names: ['dependencies', 'depends_on', 'deps'],
    type: 'textList',
    merge: 'set',
    read: true,
    description:
      'Task keys or ids that must be completed first; names that are no task are external prerequisites (e.g. prometheus_running).',
  },
  blockers: {
    names: ['blockers'],
    type: 'textList',
    merge: 'set',
    read: true,
    description: 'What blocks the task, free text (e.g. waiting_for_taskB).',
  },
  notes: {
    names: ['notes'],
    type: 'textList',
    merge: 'append',
    read: true,
    description: 'Free notes appended by people and agents.',
  },
  files: {
    names: ['files', 'files_touched'],
    type: 'textList',
    merge: 'set',
    read: true,
    description: 'Files the task touches.',
  },
  acceptance: {
    names: ['acceptance', 'acceptance_criteria', 'accept'],
    type: 'namedTexts',
    merge: 'set',
    read: true,
    description: 'Acceptance criteria: a list, or an object of criterion name → text.',
  },
  deliverables: {
    names: ['deliverables'],
    type: 'namedTexts',
    merge: 'set',
    read: true,
    description: 'What the task delivers: a list, or an object of name → text.',
  },
  risk: {
    names: ['risk'],
    type: 'text',
    merge: 'conflict',
    read: true,
    description: 'Risk level, e.g. LOW, MEDIUM.',
  },
  phase: {
    names: ['phase'],
    type: 'text',
    merge: 'conflict',
    read: true,
    description: 'Execution phase, e.g. FIRST, SECOND, THIRD, FOURTH.',
  },
  reviewer: {
    names: ['reviewer', 'reviewers', 'reviewer_role', 'review_role'],
    type: 'people',
    merge: 'conflict',
    read: true,
    description:
      'Who reviews the work, or the reviewer\'s role (e.g. "Review PR", "CRITICAL REVIEW").',
  },
  prNumbers: {
    names: ['pr_numbers', 'prs', 'pull_requests'],
    type: 'prNumbers',
    merge: 'set',
    read: true,
    description: 'Every pull request of a task split across several, in order.',
  },
  checklist: {
    names: ['checklist', 'review_checklist', 'checklists'],
    type: 'namedTexts',
    merge: 'set',
    read: true,
    description:
      'Review or step checklist items: a list, or an object of name → text. With critical_review: what the reviewer checks before approving.',
  },
  key: {
    names: ['key'],
    type: 'textOrNumber',
    merge: 'conflict',
    read: false,
    description: 'Task key, in a list of tasks.',
  },
  filesCount: {
    names: ['files_count'],
    type: 'count',
    merge: 'conflict',
    read: false,
    description: 'Number of files the task touches.',
  },
  group: {
    names: ['group'],
    type: 'text',
    merge: 'conflict',
    read: false,
    description: 'Group of a task in a list of tasks.',
  },
  startedBy: {
    names: ['started_by'],
    type: 'text',
    merge: 'conflict',
    read: false,
    description: 'Who started the task (an agent or person); recorded on start.',
  },
  waitsFor: {
    names: ['waits_for'],
    type: 'textList',
    merge: 'set',
    read: false,
    description:
      'Tasks this one waits for before it starts, because it would collide with them (a soft dependency: it gates nothing; recorded by Wait at start, cleared when the task starts).',
  },
  reviews: {
    names: ['reviews'],
    type: 'reviews',
    merge: 'append',
    read: false,
    description: 'Reviews recorded with `coord review`.',
  },
  reviewRequests: {
    names: ['review_requests'],
    type: 'reviewRequests',
    merge: 'append',
    read: false,
    description: 'Requests for a review; an unanswered one is overdue after the review SLA.',
  },
  statusHistory: {
    names: ['status_history'],
    type: 'statusHistory',
    merge: 'append',
    read: false,
    description: 'Every status change, recorded by the tool: start, pause and completion times.',
  },
  labels: {
    names: ['labels', 'tags'],
    type: 'textList',
    merge: 'set',
    read: false,
    description: 'Labels of the task.',
  },
  completedAt: {
    names: ['completed_at'],
    type: 'time',
    merge: 'later',
    read: false,
    description: 'When the task was completed (ISO time).',
  },
  updatedAt: {
    names: ['updated_at', 'last_updated'],
    type: 'time',
    merge: 'later',
    read: false,
    description: 'When the task was last changed (ISO time).',
  },
} as const satisfies Record<string, TaskFieldSpec>;

export type TaskFieldId = keyof typeof TASK_FIELD_TABLE;

type ReadFieldId = {
  [Id in TaskFieldId]: (typeof TASK_FIELD_TABLE)[Id]['read'] extends true ? Id : never;
}[TaskFieldId];

/** Field names the reader understands, first spelling preferred. Everything else stays in `raw`. */
export const TASK_FIELDS = Object.fromEntries(
  Object.entries(TASK_FIELD_TABLE)
    .filter(([, spec]) => spec.read)
    .map(([id, spec]) => [id, spec.names]),
) as { readonly [Id in ReadFieldId]: (typeof TASK_FIELD_TABLE)[Id]['names'] };
