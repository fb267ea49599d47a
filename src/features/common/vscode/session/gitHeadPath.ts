import { join } from 'node:path';
import { runGit } from '../../../../platform/git';

/** The HEAD file of the worktree holding `folder` (a linked worktree has its own), or undefined outside git. */
export async function gitHeadPath(folder: string): Promise<string | undefined> {
  try {
    const result = await runGit(['rev-parse', '--path-format=absolute', '--git-dir'], {
      cwd: folder,
      readOnly: true,
    });
    const gitDir = result.stdout.trim();
    return gitDir ? join(gitDir, 'HEAD') : undefined;
  } catch {
    // Not a repository, or git missing: the session still works, it just cannot follow checkouts.
    return undefined;
  }
}
