import { isGitError } from './errors';
import { runGit } from './exec';

/**
 * Copies `ref` of `remote` to the local `trackingRef` (forced, like a remote-tracking branch) and
 * returns the commit, or undefined when the remote has no such ref (the tracking ref is then
 * deleted, so it never shows a ref the remote dropped).
 */
export async function fetchRef(
  cwd: string,
  remote: string,
  ref: string,
  trackingRef: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  try {
    await runGit(
      ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+${ref}:${trackingRef}`],
      {
        cwd,
        signal,
      },
    );
  } catch (error) {
    if (isGitError(error) && /couldn't find remote ref/i.test(error.failure?.stderr ?? '')) {
      await runGit(['update-ref', '-d', trackingRef], { cwd, signal });
      return undefined;
    }
    throw error;
  }
  const result = await runGit(['rev-parse', '--verify', trackingRef], {
    cwd,
    signal,
    readOnly: true,
  });
  return result.stdout.trim();
}

/**
 * Sets `ref` on `remote` to `commit` only if it is still `expected` there (undefined: only if it
 * does not exist), `git push --force-with-lease`. Resolves false when another push moved it first
 * (fetch, merge and try again); rejects on anything else (no such remote, no access...).
 */
export async function pushRefWithLease(
  cwd: string,
  remote: string,
  ref: string,
  commit: string,
  expected: string | undefined,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await runGit(
      [
        'push',
        '--quiet',
        '--no-verify',
        `--force-with-lease=${ref}:${expected ?? ''}`,
        remote,
        `${commit}:${ref}`,
      ],
      { cwd, signal },
    );
    return true;
  } catch (error) {
    if (isGitError(error) && isLeaseRejection(error.failure?.stderr ?? '')) {
      return false;
    }
    throw error;
  }
}

/** git's words when the remote ref moved under the push (or another push held its lock). */
function isLeaseRejection(stderr: string): boolean {
  return /\[rejected\].*\(stale info\)|\[remote rejected\].*(failed to update ref|cannot lock ref|failed to lock)|\(fetch first\)|non-fast-forward/i.test(
    stderr,
  );
}
