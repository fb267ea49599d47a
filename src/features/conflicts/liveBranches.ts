import type { TaskModel } from '../../kernel/model/types';
import { listWorktrees, runGit } from '../../platform/git';

/** A branch worth forecasting, before its uncommitted work is looked at. */
export interface BranchCandidate {
  label: string;
  branch: string;
  taskKey?: string;
  commit: string;
  /** A worktree with this branch checked out, whose files may hold uncommitted work. */
  worktree?: string;
}

/**
 * The live branches: every unfinished task's branch that exists, and the branch of every
 * worktree on disk, besides the base. Each is resolved to a commit once, here, so a branch
 * deleted later in the run cannot change the answer half way; what is left out is said in notes.
 */
export async function liveBranches(
  folder: string,
  model: TaskModel | undefined,
  base: string,
  signal?: AbortSignal,
): Promise<{ branches: BranchCandidate[]; notes: string[] }> {
  const notes: string[] = [];
  const [heads, worktrees] = await Promise.all([
    branchHeads(folder, signal),
    listWorktrees(folder, signal),
  ]);
  const worktreeOf = new Map<string, string>();
  for (const entry of worktrees) {
    if (entry.bare || entry.prunable) {
      continue;
    }
    if (entry.branch) {
      worktreeOf.set(entry.branch, entry.path);
    } else if (entry.detached) {
      notes.push(`worktree ${entry.path} is detached (no branch): left out`);
    }
  }
  const byBranch = new Map<string, BranchCandidate>();
  for (const task of model?.tasks ?? []) {
    if (!task.branch || task.status === 'completed' || task.branch === base) {
      continue;
    }
    const commit = heads.get(task.branch);
    if (!commit) {
      if (task.status === 'in_progress') {
        notes.push(`${task.key}: branch ${task.branch} does not exist: left out`);
      }
      continue;
    }
    if (!byBranch.has(task.branch)) {
      byBranch.set(task.branch, {
        label: task.key,
        branch: task.branch,
        taskKey: task.key,
        commit,
        worktree: worktreeOf.get(task.branch),
      });
    }
  }
  for (const [branch, path] of worktreeOf) {
    const commit = heads.get(branch);
    if (branch === base || byBranch.has(branch) || !commit) {
      continue;
    }
    byBranch.set(branch, { label: branch, branch, commit, worktree: path });
  }
  return { branches: [...byBranch.values()], notes };
}

/** Every local branch and its commit, read at once. */
async function branchHeads(folder: string, signal?: AbortSignal): Promise<Map<string, string>> {
  const result = await runGit(
    ['for-each-ref', '--format=%(objectname) %(refname:short)', 'refs/heads/'],
    { cwd: folder, signal, readOnly: true },
  );
  const heads = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) {
      heads.set(line.slice(space + 1), line.slice(0, space));
    }
  }
  return heads;
}
