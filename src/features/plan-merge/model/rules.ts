import { TASK_FIELDS } from '../../../kernel/model/readTask';

/**
 * How a field changed differently on both sides is merged. A field changed on one side only
 * always takes that side's value; these rules decide only when both sides changed it.
 */
export type MergeRule =
  /** Further along in `not_started < waiting < blocked < in_progress < completed`; `completed` only when the merged file shows its gates met. */
  | 'status'
  /** The side with more progress (completed share, then completed steps). */
  | 'progress'
  /** Three-way set merge: added on either side is added, removed on either side stays removed. */
  | 'set'
  /** Both sides' appends, ours first, after the common ancestor's items. */
  | 'append'
  /** The later timestamp. */
  | 'later'
  /** The larger number. */
  | 'larger'
  /** A guardrail's recorded result: the value from the side whose `last_run` is later. */
  | 'latestRun'
  /** Each member merged on its own (by this table, numbers by the larger). */
  | 'members'
  /** Not merged: recounted from the merged tasks. */
  | 'recomputed'
  /** No rule can reconcile two different values: a conflict. Objects are merged member by member first. */
  | 'conflict';

export type MergeScope = 'document' | 'task' | 'guardrail';

export interface FieldMergeRule {
  scope: MergeScope;
  /** The field's names, preferred spelling first (the reader's aliases). */
  names: readonly string[];
  rule: MergeRule;
}

/** Every field with a merge rule; any other field is merged by the `conflict` rule. */
export const MERGE_RULES: readonly FieldMergeRule[] = [
  { scope: 'document', names: ['last_updated', 'updated_at'], rule: 'later' },
  { scope: 'document', names: ['summary'], rule: 'recomputed' },
  { scope: 'document', names: ['metrics'], rule: 'members' },
  { scope: 'task', names: TASK_FIELDS.status, rule: 'status' },
  { scope: 'task', names: TASK_FIELDS.progress, rule: 'progress' },
  { scope: 'task', names: TASK_FIELDS.dependencies, rule: 'set' },
  { scope: 'task', names: TASK_FIELDS.blockers, rule: 'set' },
  { scope: 'task', names: TASK_FIELDS.files, rule: 'set' },
  { scope: 'task', names: TASK_FIELDS.acceptance, rule: 'set' },
  { scope: 'task', names: TASK_FIELDS.deliverables, rule: 'set' },
  { scope: 'task', names: ['labels', 'tags'], rule: 'set' },
  { scope: 'task', names: ['waits_for'], rule: 'set' },
  { scope: 'task', names: TASK_FIELDS.notes, rule: 'append' },
  { scope: 'task', names: ['reviews'], rule: 'append' },
  { scope: 'task', names: ['review_requests'], rule: 'append' },
  { scope: 'task', names: ['status_history'], rule: 'append' },
  { scope: 'task', names: TASK_FIELDS.startedAt, rule: 'later' },
  { scope: 'task', names: ['completed_at', 'updated_at', 'last_updated'], rule: 'later' },
  { scope: 'task', names: TASK_FIELDS.hoursSpent, rule: 'larger' },
  { scope: 'guardrail', names: ['last_run'], rule: 'later' },
  { scope: 'guardrail', names: ['status', 'duration_ms'], rule: 'latestRun' },
];

const BY_SCOPE = new Map<MergeScope, Map<string, MergeRule>>();
for (const entry of MERGE_RULES) {
  let names = BY_SCOPE.get(entry.scope);
  if (!names) {
    names = new Map();
    BY_SCOPE.set(entry.scope, names);
  }
  for (const name of entry.names) {
    names.set(name, entry.rule);
  }
}

export function mergeRuleFor(scope: MergeScope, field: string): MergeRule {
  return BY_SCOPE.get(scope)?.get(field) ?? 'conflict';
}

/** Statuses from least to most progress, for the `status` rule. */
export const STATUS_PROGRESS_ORDER = [
  'not_started',
  'waiting',
  'blocked',
  'in_progress',
  'completed',
] as const;
