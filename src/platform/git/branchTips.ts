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

export interface FolderChanges {
  added: string[];
  deleted: string[];
}

/**
 * The folders each head adds to or deletes from `base`'s tree, for many heads in one call
 * (`diff-tree --stdin`), keyed by head; a head with the same tree as `base` is left out.
 */
export async function folderChangesAgainst(
  cwd: string,
  base: string,
  heads: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, FolderChanges>> {
  const changes = new Map<string, FolderChanges>();
  const valid = heads.filter((head) => /^[0-9a-f]{40,64}$/.test(head));
  if (valid.length === 0) {
    return changes;
  }
  const result = await runGit(
    ['diff-tree', '--stdin', '-r', '-t', '--raw', '-z', '--no-renames', '--diff-filter=AD'],
    { cwd, signal, readOnly: true, input: valid.map((head) => `${head} ${base}\n`).join('') },
  );
  const fields = result.stdout.split('\0');
  let current: FolderChanges | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (field.startsWith(':')) {
      const [oldMode, newMode, , , status] = field.slice(1).split(' ');
      const path = fields[++i] ?? '';
      if (current && status === 'A' && newMode === '040000') {
        current.added.push(path);
      } else if (current && status === 'D' && oldMode === '040000') {
        current.deleted.push(path);
      }
    } else if (/^[0-9a-f]{40,64}$/.test(field.trim())) {
      current = { added: [], deleted: [] };
      changes.set(field.trim(), current);
    }
  }
  return changes;
}
