import { GitError, isGitError } from './errors';
import { runGit } from './exec';

/** True when `refs/heads/<name>` exists. */
export async function branchExists(
  cwd: string,
  name: string,
  signal?: AbortSignal,
): Promise<boolean> {
  return refExists(cwd, `refs/heads/${name}`, signal);
}

/** True when the full ref `ref` (`refs/remotes/origin/main`) exists. */
export async function refExists(cwd: string, ref: string, signal?: AbortSignal): Promise<boolean> {
  const result = await runGit(['show-ref', '--verify', '--quiet', ref], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0;
}

/** True when the repository has at least one commit reachable from any ref or HEAD. */
export async function hasCommits(cwd: string, signal?: AbortSignal): Promise<boolean> {
  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  if (head.exitCode === 0) {
    return true;
  }
  const refs = await runGit(
    ['for-each-ref', '--count=1', '--format=%(objectname)', 'refs/heads', 'refs/remotes'],
    { cwd, signal, readOnly: true },
  );
  return refs.stdout.trim().length > 0;
}

/**
 * The commit `rev` names, or a typed error: `noCommits` in an empty
 * repository, `unknownRef` otherwise. `--end-of-options` keeps `rev` from
 * being read as an option.
 */
export async function resolveCommit(
  cwd: string,
  rev: string,
  signal?: AbortSignal,
): Promise<string> {
  const result = await runGit(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
    {
      cwd,
      signal,
      readOnly: true,
      okExitCodes: [1],
    },
  );
  const oid = result.stdout.trim();
  if (result.exitCode === 0 && oid.length > 0) {
    return oid;
  }
  if (!(await hasCommits(cwd, signal))) {
    throw new GitError(
      'noCommits',
      'The repository has no commits yet; make a first commit before starting a task in a worktree.',
    );
  }
  throw new GitError('unknownRef', `"${rev}" does not name a commit in this repository.`);
}

/**
 * The repository's default branch: `origin/HEAD` when a remote says so, else
 * `init.defaultBranch`, `main` or `master` when they exist, else the branch of
 * the main worktree. Undefined when none of these exists.
 */
export async function defaultBranch(
  cwd: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const remoteHead = await runGit(
    ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'],
    {
      cwd,
      signal,
      readOnly: true,
      okExitCodes: [1, 128],
    },
  );
  const remote = remoteHead.exitCode === 0 ? remoteHead.stdout.trim() : '';
  if (remote.startsWith('origin/')) {
    const local = remote.slice('origin/'.length);
    return (await branchExists(cwd, local, signal)) ? local : remote;
  }
  const configured = await runGit(['config', '--get', 'init.defaultBranch'], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  for (const name of [configured.stdout.trim(), 'main', 'master']) {
    if (name && (await branchExists(cwd, name, signal))) {
      return name;
    }
  }
  const current = await currentBranch(cwd, signal);
  return current;
}

/** The branch checked out in `cwd`'s worktree, undefined when detached. */
export async function currentBranch(
  cwd: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0 ? result.stdout.trim() || undefined : undefined;
}

/** Deletes a local branch. Without `force` git refuses an unmerged one (reason `unpushed`). */
export async function deleteBranch(
  cwd: string,
  name: string,
  options: { force?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  await runGit(['branch', options.force ? '-D' : '-d', '--', name], {
    cwd,
    signal: options.signal,
  });
}

/** True when `branch` is an ancestor of `base` (its commits are all in `base`). */
export async function isMergedInto(
  cwd: string,
  branch: string,
  base: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const result = await runGit(['merge-base', '--is-ancestor', '--end-of-options', branch, base], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0;
}

/** `git check-ref-format --branch`: git's own verdict on a branch name. */
export async function gitAcceptsBranchName(
  cwd: string,
  name: string,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    await runGit(['check-ref-format', '--branch', name], { cwd, signal, readOnly: true });
    return true;
  } catch (error) {
    if (isGitError(error) && error.failure?.exitCode === 128) {
      return false;
    }
    throw error;
  }
}
