import type { Actor, TaskEdit } from '../../kernel/edits/types';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import type { Task, TaskStatus } from '../../kernel/model/types';
import type { GateUi } from '../tasks/gateUi';
import type { GuardrailShortfall, ReviewShortfall } from '../tasks/model/gates';
import { updateTask, type TaskStoreLike } from '../tasks/updateTask';
import { forgetWorktreeEdits, type RecordedWorktree } from './forgetPath';
import type { StatusAfterRemoval } from './model/settings';

/** What removing a worktree does to the tasks worked in it. */
export interface TaskEffects {
  store: TaskStoreLike;
  actor: Actor;
  /** Asked when the completion gate refuses a merged task (the CLI answers with `--force`). */
  ui: GateUi;
  /** `coordinator.worktrees.statusAfterRemoval`, for a task in progress whose work is not merged. */
  statusAfterRemoval: StatusAfterRemoval;
  guardrailShortfalls?: (task: Task) => Promise<GuardrailShortfall[]>;
  reviewShortfalls?: (task: Task) => Promise<ReviewShortfall[]>;
  now?: () => Date;
}

/** One task after its worktree was removed. */
export interface TaskAfterRemoval {
  taskKey: string;
  /** The fields cleared (`worktree_path`, `branch`). */
  cleared: string[];
  /** Its status now, when the removal changed it. */
  status?: TaskStatus;
  /** Why a merged task was not completed: the completion gate's words. */
  notCompleted?: string;
}

/** A task worked in the worktree, as it was read before the removal. */
export interface LinkedTask {
  task: Task;
  recorded?: RecordedWorktree;
}

/**
 * Clears the worktree field of each task, and its branch when that branch is merged or gone
 * (an unmerged branch that still exists keeps its name on the task: it holds the task's work),
 * and moves a task in progress: to completed
 * when its branch is merged (through the same completion gate as `coord set` and the editor,
 * judged with the guardrail results read before the folder went), else to `statusAfterRemoval`.
 */
export async function settleTasks(
  effects: TaskEffects,
  linked: readonly LinkedTask[],
  branch: string | undefined,
  merged: boolean,
  branchGone: boolean,
  guardrails: ReadonlyMap<string, GuardrailShortfall[]>,
): Promise<TaskAfterRemoval[]> {
  const results: TaskAfterRemoval[] = [];
  for (const { task, recorded } of linked) {
    const current = (await effects.store.read()).model;
    const now = current?.byKey.get(task.key);
    if (!current || !now) {
      continue;
    }
    const clears: TaskEdit[] = [
      ...(recorded ? forgetWorktreeEdits(current, [recorded]) : []),
      ...(branch && now.branch === branch && (merged || branchGone)
        ? [{ kind: 'setBranch', taskKey: task.key, branch: null } as const]
        : []),
    ];
    const result: TaskAfterRemoval = {
      taskKey: task.key,
      cleared: clears.map((edit) => (edit.kind === 'setTaskField' ? edit.field : 'branch')),
    };
    results.push(result);
    if (now.status !== 'in_progress') {
      if (clears.length > 0) {
        await effects.store.apply(clears);
      }
      continue;
    }
    if (!merged) {
      const status = effects.statusAfterRemoval;
      await effects.store.apply([...clears, { kind: 'setStatus', taskKey: task.key, status }]);
      result.status = status;
      continue;
    }
    try {
      await updateTask({
        store: effects.store,
        taskKey: task.key,
        edits: [...clears, { kind: 'setStatus', taskKey: task.key, status: 'completed' }],
        actor: effects.actor,
        ui: effects.ui,
        guardrailShortfalls: () => Promise.resolve(guardrails.get(task.key) ?? []),
        reviewShortfalls: effects.reviewShortfalls,
        now: effects.now,
      });
      result.status = 'completed';
    } catch (error) {
      if (!CoordinatorError.is(error, 'gateRefused') && !CoordinatorError.is(error, 'gateNotMet')) {
        throw error;
      }
      result.notCompleted = error.message;
      if (clears.length > 0) {
        await effects.store.apply(clears);
      }
    }
  }
  return results;
}
