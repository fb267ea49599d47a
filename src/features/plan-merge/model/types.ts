/** What the merge decided for one value that both sides changed (or one side removed). */
export interface MergeNote {
  /** Where, e.g. `tasks.top5.task1_shadow_diff.status`. */
  path: string;
  message: string;
}

export type PlanMergeResult =
  | { kind: 'merged'; text: string; decisions: MergeNote[] }
  /**
   * `text` holds one marker section; taking either side of it gives a file that parses, with
   * every change that did not conflict already merged in.
   */
  | { kind: 'conflict'; text: string; decisions: MergeNote[]; conflicts: MergeNote[] };
