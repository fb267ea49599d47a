import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { changedPathsFromStatusZ, isUnderAny } from './model/changedPaths';
import { isGitError, lastCommit, runGit } from '../../platform/git';

const MAX_FILES_CHECKED = 2000;

/**
 * The newest change in a worktree, epoch ms: its last commit, or a changed or untracked file's
 * mtime, whichever is later. `ignore` lists folders (relative, `/`-separated) that guardrail runs
 * write to themselves: the run log folder and `output_path` prefixes, so a run does not make
 * itself stale. Undefined outside a git repository.
 */
export async function newestChangeTime(
  worktree: string,
  ignore: readonly string[] = [],
  signal?: AbortSignal,
): Promise<number | undefined> {
  let commitAt: number | undefined;
  let changed: string[];
  try {
    const [commit, status] = await Promise.all([
      lastCommit(worktree, signal),
      runGit(['status', '--porcelain=v1', '-z', '--untracked-files=all'], {
        cwd: worktree,
        signal,
        readOnly: true,
      }),
    ]);
    commitAt = commit ? commit.time * 1000 : undefined;
    changed = changedPathsFromStatusZ(status.stdout).filter((file) => !isUnderAny(file, ignore));
  } catch (error) {
    if (isGitError(error) && error.reason === 'notARepository') {
      return undefined;
    }
    throw error;
  }
  let newest = commitAt;
  for (const file of changed.slice(0, MAX_FILES_CHECKED)) {
    const info = await stat(path.join(worktree, file)).catch(() => undefined);
    if (info && (newest === undefined || info.mtimeMs > newest)) {
      newest = info.mtimeMs;
    }
  }
  return newest;
}
