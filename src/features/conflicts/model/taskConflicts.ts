import { describeFiles } from './describe';
import type { ConflictForecast } from './types';

/** What the radar says about one task: the others it would conflict with, and where. */
export interface TaskConflicts {
  /** Short text for a tree row: `conflicts with task_b`, `conflicts with 3 tasks`. */
  description: string;
  /** One Markdown-free line per other side: `task_b: src/a.ts (2 hunks)`. */
  lines: string[];
}

/** The conflicts of the task (by key, or branch label) in a forecast; undefined when none. */
export function conflictsOfTask(
  forecast: ConflictForecast,
  label: string,
): TaskConflicts | undefined {
  const lines: string[] = [];
  const others: string[] = [];
  for (const pair of forecast.pairs) {
    if (pair.verdict.status !== 'conflict' || (pair.a !== label && pair.b !== label)) {
      continue;
    }
    const other = pair.a === label ? pair.b : pair.a;
    others.push(other);
    lines.push(`${other}: ${describeFiles(pair.verdict.files)}`);
  }
  if (others.length === 0) {
    return undefined;
  }
  const description =
    others.length === 1 ? `conflicts with ${others[0]}` : `conflicts with ${others.length} tasks`;
  return { description, lines };
}
