import type { ChangedPath } from '../../../kernel/git/diffNameStatus';
import type { ReviewRule } from '../../../kernel/model/reviews';
import { splitOwners } from '../../../kernel/model/owners';
import type { Task } from '../../../kernel/model/types';
import { isIncluded, parseIncludePatterns } from '../../worktrees/model/includePatterns';

/** A review the task needs before it can be completed. */
export interface ReviewGate {
  /** Who must approve; undefined for a task's own `critical_review` with no `reviewer`: anyone who did not do the work. */
  reviewer?: string;
  checklist: string[];
  /** Why it applies, e.g. `critical_review` or `changes matriz/core.py`. */
  because: string;
}

/**
 * The review gates that apply to a task: one per rule whose globs match a path the branch
 * changed (either side of a rename), and its own `critical_review` (one per named reviewer, e.g.
 * `"reviewers": ["Claude Code", "Ana"]`, else anyone who did not do the work). Gates for the same reviewer
 * are merged, their checklists joined.
 */
export function reviewGatesFor(
  task: Task,
  taskChecklist: readonly string[],
  rules: readonly ReviewRule[],
  changes: readonly ChangedPath[],
): ReviewGate[] {
  const gates: ReviewGate[] = [];
  for (const rule of rules) {
    const patterns = parseIncludePatterns(rule.paths);
    const hit = changes.find(
      (change) =>
        isIncluded(change.path, patterns) ||
        (change.oldPath !== undefined && isIncluded(change.oldPath, patterns)),
    );
    if (hit) {
      const what = hit.oldPath ? `renames ${hit.oldPath} to ${hit.path}` : `changes ${hit.path}`;
      gates.push({ reviewer: rule.reviewer, checklist: [...rule.checklist], because: what });
    }
  }
  if (task.criticalReview) {
    const reviewers = task.reviewer ? splitOwners(task.reviewer) : [];
    for (const reviewer of reviewers.length > 0 ? reviewers : [undefined]) {
      gates.push({ reviewer, checklist: [...taskChecklist], because: 'critical_review' });
    }
  }
  return mergeByReviewer(gates);
}

function mergeByReviewer(gates: readonly ReviewGate[]): ReviewGate[] {
  const byReviewer = new Map<string, ReviewGate>();
  for (const gate of gates) {
    const key = gate.reviewer?.toLowerCase() ?? '';
    const existing = byReviewer.get(key);
    if (!existing) {
      byReviewer.set(key, { ...gate, checklist: [...gate.checklist] });
      continue;
    }
    for (const item of gate.checklist) {
      if (!existing.checklist.includes(item)) {
        existing.checklist.push(item);
      }
    }
    existing.because = `${existing.because}; ${gate.because}`;
  }
  return [...byReviewer.values()];
}
