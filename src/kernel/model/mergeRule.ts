/**
 * How a field changed differently on both sides of a merge is merged. A field changed on one side
 * only always takes that side's value; these rules decide only when both sides changed it.
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
