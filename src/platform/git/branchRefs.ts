import { BRANCH_REF_FORMAT, parseBranchRefs, type BranchRef } from '../../kernel/git/branchRefs';
import { runGit } from './exec';

/** Every local and remote-tracking branch, with the worktree each local one is checked out in. */
export async function listBranchRefs(cwd: string, signal?: AbortSignal): Promise<BranchRef[]> {
  const result = await runGit(
    ['for-each-ref', `--format=${BRANCH_REF_FORMAT}`, 'refs/heads', 'refs/remotes'],
    { cwd, signal, readOnly: true },
  );
  return parseBranchRefs(result.stdout);
}

/** Fetches every configured remote (`git fetch --all --prune`), for the remote-tracking branches. */
export async function fetchAllRemotes(cwd: string, signal?: AbortSignal): Promise<void> {
  await runGit(['fetch', '--quiet', '--all', '--prune', '--no-tags'], { cwd, signal });
}
