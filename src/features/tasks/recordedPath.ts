import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** A task's recorded `worktree_path` on disk: a relative one is read against the main worktree. */
export function resolveRecordedWorktree(recorded: string, mainRoot: string): string {
  return isAbsolute(recorded) ? recorded : resolve(mainRoot, recorded);
}

/**
 * Whether two paths name the same folder: trailing and Windows separators aside, and symlinks on
 * the way followed where the folder exists (`/tmp` and `/private/tmp` on macOS).
 */
export function sameFolder(a: string, b: string): boolean {
  return canonicalFolder(a) === canonicalFolder(b);
}

function canonicalFolder(path: string): string {
  let resolved = resolve(path);
  try {
    resolved = realpathSync.native(resolved);
  } catch {
    // Gone or never made: compare it as written.
  }
  return resolved.replace(/\\/g, '/').replace(/\/+$/, '');
}
