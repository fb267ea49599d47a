import type { SettingsReader } from '../../../kernel/config/readSettings';
import type { TaskModel } from '../../../kernel/model/types';

/** Why a change to the plan is not committed on its own. */
export type PlanAutoCommitSkip =
  'off' | 'noCoordinatorBranch' | 'untrusted' | 'noStatusChange' | 'otherBranch';

/** What `coordinator.plan.commitOnStatusChange` and `coordinator.plan.coordinatorBranch` ask for. */
export interface PlanAutoCommitSettings {
  enabled: boolean;
  /** Blank when none is set. */
  coordinatorBranch: string;
}

export function readPlanAutoCommitSettings(settings: SettingsReader): PlanAutoCommitSettings {
  return {
    enabled: settings.flag('plan.commitOnStatusChange'),
    coordinatorBranch: settings.text('plan.coordinatorBranch', { trim: true }),
  };
}

/** Whether any task's status differs between two reads of the plan (a task added or removed counts). */
export function statusesChanged(
  before: TaskModel | undefined,
  after: TaskModel | undefined,
): boolean {
  if (!before || !after) {
    return false;
  }
  if (before.tasks.length !== after.tasks.length) {
    return true;
  }
  return after.tasks.some((task) => before.byKey.get(task.key)?.status !== task.status);
}

export interface PlanAutoCommitFacts {
  settings: PlanAutoCommitSettings;
  /** Whether the host may run git for the repository (a trusted workspace or repository). */
  trusted: boolean;
  statusChanged: boolean;
}

/**
 * Should this change to the plan be committed now? Only a status change, in a trusted repository,
 * with the setting on and a coordinator branch named; then `offCoordinatorBranch` has the last
 * word, once the host has read the branch (the only question that costs a git call).
 */
export function planAutoCommitSkip(facts: PlanAutoCommitFacts): PlanAutoCommitSkip | undefined {
  if (!facts.settings.enabled) {
    return 'off';
  }
  if (!facts.settings.coordinatorBranch) {
    return 'noCoordinatorBranch';
  }
  if (!facts.trusted) {
    return 'untrusted';
  }
  return facts.statusChanged ? undefined : 'noStatusChange';
}

/** The branch checked out where the task file lives (undefined when detached) is not the coordinator branch. */
export function offCoordinatorBranch(
  settings: PlanAutoCommitSettings,
  branch: string | undefined,
): boolean {
  return branch === undefined || branch !== settings.coordinatorBranch;
}
