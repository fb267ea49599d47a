import type { WorktreeEntry } from '../../kernel/git/worktreeTypes';
import { branchCreatedAt } from '../../platform/git/backupRefs';
import { isMergedInto } from '../../platform/git/refs';

/**
 * Merged: the branch is in the base and moved since it was created. A branch still at the
 * commit it started from holds no work, so it counts as not merged (its task goes back).
 */
export async function branchMerged(
  mainRoot: string,
  entry: WorktreeEntry,
  base: string | undefined,
  signal?: AbortSignal,
): Promise<boolean> {
  if (!entry.branch || !entry.head || !base || entry.branch === base) {
    return false;
  }
  if (!(await isMergedInto(mainRoot, entry.branch, base, signal))) {
    return false;
  }
  const created = await branchCreatedAt(mainRoot, entry.branch, signal);
  return created !== undefined && created !== entry.head;
}
