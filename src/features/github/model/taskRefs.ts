import type { Task } from '../../../kernel/model/types';
import type { TaskPrRef } from './match';

/** Whether GitHub can say anything about the task: it has a branch or a recorded PR. */
export function hasPullRequestRef(task: Pick<Task, 'branch' | 'prNumber'>): boolean {
  return Boolean(task.branch) || task.prNumber !== undefined;
}

/** The tasks a refresh asks GitHub about, reduced to what matching needs. */
export function taskPrRefs(tasks: readonly Task[]): TaskPrRef[] {
  const refs: TaskPrRef[] = [];
  for (const task of tasks) {
    if (hasPullRequestRef(task)) {
      refs.push({
        key: task.key,
        ...(task.branch ? { branch: task.branch } : {}),
        ...(task.prNumber !== undefined ? { prNumber: task.prNumber } : {}),
        ...(task.prNumbers.length > 1 ? { prNumbers: [...task.prNumbers] } : {}),
      });
    }
  }
  return refs;
}

/** Equal for two lists that would make the same requests; a changed key calls for a refresh. */
export function taskPrRefsKey(refs: readonly TaskPrRef[]): string {
  return refs
    .map(
      (ref) =>
        `${ref.key}\u0000${ref.branch ?? ''}\u0000${(ref.prNumbers ?? [ref.prNumber ?? '']).join(',')}`,
    )
    .join('\u0001');
}
