import type { Task } from '../../../kernel/model/types';
import type { ImportedTask } from './markdownPlan';

/**
 * Which plan task an imported row updates, by one documented rule, first that decides:
 * 1. its id names a task's id or key (`CC-1` ↔ `cc1`, `E402-1` ↔ `e402-1`: case, `-`, `_` and `#` ignored);
 * 2. its `#`/key column, prefixed with `task`, names a task's id (`1` ↔ `task1`, `B` ↔ `taskB`);
 * 3. its title equals a task's name (case and punctuation ignored).
 * A rule that finds more than one task makes the row ambiguous; one that finds none passes on.
 */
export type TaskMatch =
  | { kind: 'matched'; task: Task; by: 'id' | 'key column' | 'title' }
  | { kind: 'new' }
  | { kind: 'ambiguous'; candidates: Task[]; by: 'id' | 'key column' | 'title' };

export function matchImportedTask(row: ImportedTask, tasks: readonly Task[]): TaskMatch {
  const id = row.id === undefined ? undefined : normalise(row.id);
  const rules: ['id' | 'key column' | 'title', (task: Task) => boolean][] = [
    ['id', (task) => id !== undefined && (normalise(task.id) === id || normalise(task.key) === id)],
    ['key column', (task) => id !== undefined && normalise(task.id) === `task${id}`],
    ['title', (task) => normalise(task.name) === normalise(row.name)],
  ];
  for (const [by, test] of rules) {
    const found = tasks.filter(test);
    if (found.length === 1) {
      return { kind: 'matched', task: found[0], by };
    }
    if (found.length > 1) {
      return { kind: 'ambiguous', candidates: found, by };
    }
  }
  return { kind: 'new' };
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
