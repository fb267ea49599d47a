import { existsSync } from 'node:fs';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';
import { listBackupRefs, type BackupRef } from '../../platform/git/backupRefs';
import { branchExists, resolveCommit } from '../../platform/git/refs';
import { addWorktree } from '../../platform/git/worktrees';

export interface RestoreResult {
  branch: string;
  oid: string;
  /** The worktree made again, when its folder was free. */
  path?: string;
}

/**
 * Brings back a branch the reaper backed up: the branch at the backup's commit (made again when
 * gone; refused when it now points elsewhere) and its worktree at the path it had, when free.
 * The backup ref is kept.
 */
export async function restoreBackup(
  cwd: string,
  name: string,
  options: { path?: string; signal?: AbortSignal } = {},
): Promise<RestoreResult> {
  const backups = await listBackupRefs(cwd, options.signal);
  const backup = backups.find((candidate) => candidate.name === name);
  if (!backup) {
    const known = backups.map((candidate) => candidate.name).join(', ');
    throw new CoordinatorError(
      'badInput',
      `No backup of "${name}"${known ? `; backups: ${known}` : '; there are no backups'}.`,
    );
  }
  const detached = name.startsWith('detached-');
  if (!detached && (await branchExists(cwd, name, options.signal))) {
    const tip = await resolveCommit(cwd, `refs/heads/${name}`, options.signal);
    if (tip !== backup.oid) {
      throw new CoordinatorError(
        'badInput',
        `The branch ${name} exists at another commit (${tip.slice(0, 9)}); the backup is at ${backup.oid.slice(0, 9)}.`,
      );
    }
  }
  const path = options.path ?? originalPath(backup);
  const result: RestoreResult = { branch: name, oid: backup.oid };
  if (path && !existsSync(path)) {
    await addWorktree({
      cwd,
      path,
      branch: detached ? backup.oid : name,
      newBranchFrom:
        detached || (await branchExists(cwd, name, options.signal)) ? undefined : backup.oid,
      signal: options.signal,
    });
    result.path = path;
  } else if (!detached && !(await branchExists(cwd, name, options.signal))) {
    throw new CoordinatorError(
      'badInput',
      `${path ?? 'The original folder'} is taken; give another folder to restore ${name} into.`,
    );
  }
  return result;
}

function originalPath(backup: BackupRef): string | undefined {
  const match = /^worktree (.+)$/.exec(backup.note);
  return match?.[1];
}

export { listBackupRefs };
export type { BackupRef };
