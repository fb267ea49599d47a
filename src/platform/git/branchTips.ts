import { runGit } from './exec';

export interface BranchTip {
  oid: string;
  /** Full ref name of the upstream (`refs/remotes/origin/x`), when one is configured. */
  upstream?: string;
}

/**
 * Every local and remote-tracking branch with its commit and upstream, in one call, keyed by full
 * ref name (`refs/heads/x`, `refs/remotes/origin/x`).
 */
export async function branchTips(
  cwd: string,
  signal?: AbortSignal,
): Promise<Map<string, BranchTip>> {
  const result = await runGit(
    [
      'for-each-ref',
      '--format=%(refname)%00%(objectname)%00%(upstream)',
      'refs/heads',
      'refs/remotes',
    ],
    { cwd, signal, readOnly: true },
  );
  const tips = new Map<string, BranchTip>();
  for (const line of result.stdout.split('\n')) {
    const [ref = '', oid = '', upstream = ''] = line.split('\0');
    if (ref && oid) {
      tips.set(ref, upstream ? { oid, upstream } : { oid });
    }
  }
  return tips;
}

/** Every folder (tree) under the root of a commit, as paths relative to the root, in one call. */
export async function commitFolders(
  cwd: string,
  oid: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const result = await runGit(
    ['ls-tree', '-r', '-d', '-z', '--name-only', '--end-of-options', oid],
    { cwd, signal, readOnly: true },
  );
  return result.stdout.split('\0').filter(Boolean);
}
