import { runGit } from './exec';

/** Where commits of a removed worktree are kept: `refs/coordinator/backup/<branch>`. */
export const BACKUP_REF_PREFIX = 'refs/coordinator/backup/';

export interface BackupRef {
  /** The branch name it backs up (or `detached-<oid>` for a detached worktree). */
  name: string;
  oid: string;
  /** The message recorded with it: the worktree it came from. */
  note: string;
}

/**
 * Points `refs/coordinator/backup/<name>` at `oid`, with a reflog entry holding `note`, so the
 * commits stay reachable (and out of `git gc`'s reach) after their worktree and branch are gone.
 */
export async function writeBackupRef(
  cwd: string,
  name: string,
  oid: string,
  note: string,
  signal?: AbortSignal,
): Promise<string> {
  const ref = `${BACKUP_REF_PREFIX}${name}`;
  await runGit(['update-ref', '--create-reflog', '-m', note, ref, oid], { cwd, signal });
  return ref;
}

/** Every backup ref, with the note of its latest reflog entry. */
export async function listBackupRefs(cwd: string, signal?: AbortSignal): Promise<BackupRef[]> {
  const result = await runGit(
    ['for-each-ref', '--format=%(refname)%00%(objectname)', BACKUP_REF_PREFIX],
    { cwd, signal, readOnly: true },
  );
  const refs = result.stdout
    .split('\n')
    .filter((line) => line.includes('\0'))
    .map((line) => {
      const [ref = '', oid = ''] = line.split('\0');
      return { ref, oid };
    });
  return Promise.all(
    refs.map(async ({ ref, oid }) => {
      const log = await runGit(['reflog', 'show', '-n', '1', '--format=%gs', ref, '--'], {
        cwd,
        signal,
        readOnly: true,
        okExitCodes: [128],
      });
      return { name: ref.slice(BACKUP_REF_PREFIX.length), oid, note: log.stdout.trim() };
    }),
  );
}

/**
 * The commit a branch was created at (the oldest entry of its reflog), undefined when git kept
 * no reflog for it. A branch still at that commit holds no work of its own.
 */
export async function branchCreatedAt(
  cwd: string,
  branch: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['reflog', 'show', '--format=%H', `refs/heads/${branch}`, '--'], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [128],
  });
  const lines = result.stdout.trim().split('\n').filter(Boolean);
  return result.exitCode === 0 ? lines[lines.length - 1] : undefined;
}
