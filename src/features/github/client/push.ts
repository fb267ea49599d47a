import { gitAcceptsBranchName, runGit } from '../../../platform/git';

/**
 * Pushes `branch` to `origin` and sets its upstream. The branch is checked with
 * `git check-ref-format` and passed after `--` as a full refspec, so it is never read as an option.
 */
export async function pushBranchToOrigin(
  cwd: string,
  branch: string,
  signal?: AbortSignal,
): Promise<void> {
  if (!(await gitAcceptsBranchName(cwd, branch))) {
    throw new Error(`"${branch}" is not a valid branch name`);
  }
  await runGit(
    ['push', '--set-upstream', '--', 'origin', `refs/heads/${branch}:refs/heads/${branch}`],
    {
      cwd,
      ...(signal ? { signal } : {}),
    },
  );
}
