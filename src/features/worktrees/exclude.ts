import { gitPath } from '../../platform/git/files';
import { addExcludeLine } from '../../platform/git/excludeOutputs';

/**
 * Adds `/<fileName>` to the repository's `info/exclude` (git shares it across
 * worktrees) unless a line already says so. Returns how to take the addition
 * back, or undefined when nothing was added.
 */
export async function excludeFromGit(
  worktreePath: string,
  fileName: string,
  signal?: AbortSignal,
): Promise<(() => Promise<void>) | undefined> {
  return addExcludeLine(
    await gitPath(worktreePath, 'info/exclude', signal),
    `/${fileName.replace(/^\/+/, '')}`,
    'task brief written by Agent Coordinator',
  );
}
