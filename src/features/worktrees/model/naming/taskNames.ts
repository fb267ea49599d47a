import { dirname, basename, isAbsolute, resolve } from 'node:path';
import { SETTINGS } from '../../../../kernel/config/settingsTable';
import type { Task } from '../../../../kernel/model/types';
import { agentSlug } from './agent';
import { branchNameProblem, sanitizeBranchName } from './refFormat';
import { slugify } from './slug';
import { inferBranchType } from './taskType';
import { expandTemplate } from './template';
import { CoordinatorError } from '../../../../kernel/errors/coordinatorError';

export const DEFAULT_BRANCH_TEMPLATE: string = SETTINGS['worktrees.branchTemplate'].default;
export const DEFAULT_PATH_TEMPLATE: string = SETTINGS['worktrees.pathTemplate'].default;

/** The parts of a task that names are made from (a subset of `Task`, so plain objects work in tests). */
export type NamingTask = Pick<Task, 'key' | 'id' | 'name' | 'owner' | 'owners' | 'group'> & {
  branch?: string;
};

export class NamingError extends CoordinatorError {
  override readonly name = 'NamingError';

  constructor(message: string) {
    super('badName', message);
  }
}

/** Placeholders shared by both templates; each value is already safe as a ref component. */
export function taskNameValues(task: NamingTask): Record<string, string> {
  return {
    type: inferBranchType([task.name, task.key, task.id, task.group]),
    agent: agentSlug(task.owners, task.owner),
    slug: slugify(task.name),
    key: slugify(task.key, 60),
    id: slugify(task.id, 30),
  };
}

/**
 * The task's branch: its own `branch` when set (refused when git would refuse
 * it, never silently changed), else the template expanded and sanitised.
 */
export function taskBranchName(task: NamingTask, template = DEFAULT_BRANCH_TEMPLATE): string {
  const own = task.branch?.trim();
  if (own) {
    const problem = branchNameProblem(own);
    if (problem) {
      throw new NamingError(
        `Task ${task.key} has branch "${own}", which git does not accept as a branch name: ${problem}.`,
      );
    }
    return own;
  }
  return sanitizeBranchName(expandTemplate(template, taskNameValues(task)));
}

export interface WorktreePathContext {
  /** Absolute path of the main worktree. */
  mainRoot: string;
  branch: string;
}

/**
 * Absolute worktree path for a task. `${slug}` is the last component of the
 * branch (`feat/codex/shadow-diff-harness` → `shadow-diff-harness`) so the folder
 * matches the branch. A relative result is taken from the main worktree.
 */
export function taskWorktreePath(
  task: NamingTask,
  context: WorktreePathContext,
  template = DEFAULT_PATH_TEMPLATE,
): string {
  const branchTail = context.branch.split('/').pop() ?? context.branch;
  const values = {
    ...taskNameValues(task),
    slug: slugify(branchTail, 60),
    branch: slugify(context.branch, 80),
    repo: basename(context.mainRoot),
    repoParent: dirname(context.mainRoot),
    repoRoot: context.mainRoot,
  };
  const expanded = expandTemplate(template, values).trim();
  if (expanded.length === 0) {
    throw new NamingError(`The worktree path template "${template}" expands to an empty path.`);
  }
  return isAbsolute(expanded) ? resolve(expanded) : resolve(context.mainRoot, expanded);
}
