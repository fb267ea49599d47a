import type { MergeRule } from '../../../kernel/model/mergeRule';
import { TASK_FIELD_TABLE, type TaskFieldSpec } from '../../../kernel/model/taskFields';

export type { MergeRule };

export type MergeScope = 'document' | 'task' | 'guardrail';

export interface FieldMergeRule {
  scope: MergeScope;
  /** The field's names, preferred spelling first (the reader's aliases). */
  names: readonly string[];
  rule: MergeRule;
}

/**
 * Every field with a merge rule; any other field is merged by the `conflict` rule. Task fields
 * take theirs from `TASK_FIELD_TABLE`, the one description of a task's fields.
 */
export const MERGE_RULES: readonly FieldMergeRule[] = [
  { scope: 'document', names: ['last_updated', 'updated_at'], rule: 'later' },
  { scope: 'document', names: ['summary'], rule: 'recomputed' },
  { scope: 'document', names: ['metrics'], rule: 'members' },
  ...(Object.values(TASK_FIELD_TABLE) as TaskFieldSpec[])
    .filter((spec) => spec.merge !== 'conflict')
    .map((spec): FieldMergeRule => ({ scope: 'task', names: spec.names, rule: spec.merge })),
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
