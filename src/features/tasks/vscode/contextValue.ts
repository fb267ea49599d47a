import type { DisplayStatus, Task } from '../../../kernel/model/types';

/**
 * Flags menus match with regex `when` clauses, e.g. `viewItem =~ /;hasPr;/`.
 * Always starts with `task;` and ends with `;` so every flag can be matched as `;flag;`.
 */
export function taskContextValue(task: Task, status: DisplayStatus): string {
  const flags = ['task'];
  if (task.status !== 'completed' && !task.worktreePath) {
    flags.push('startable');
  }
  if (task.worktreePath) {
    flags.push('hasWorktree');
  }
  if (task.prNumber !== undefined) {
    flags.push('hasPr');
  }
  if (task.branch) {
    flags.push('hasBranch');
  }
  if (task.dependencies.length > 0) {
    flags.push('hasDependencies');
  }
  flags.push(`status-${status}`);
  return `${flags.join(';')};`;
}
