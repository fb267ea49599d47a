/** One path a branch changed: `oldPath` is where a renamed or copied file came from. */
export interface ChangedPath {
  path: string;
  oldPath?: string;
}

/**
 * Parses `git diff --name-status -z` output: a status letter (with a score for renames and
 * copies) then one path, or two paths for `R` and `C`.
 */
export function parseNameStatus(output: string): ChangedPath[] {
  const fields = output.split('\0');
  const changes: ChangedPath[] = [];
  let i = 0;
  while (i < fields.length) {
    const status = fields[i] ?? '';
    if (status === '') {
      i += 1;
      continue;
    }
    if (status.startsWith('R') || status.startsWith('C')) {
      const oldPath = fields[i + 1] ?? '';
      const path = fields[i + 2] ?? '';
      if (path) {
        changes.push({ path, oldPath });
      }
      i += 3;
    } else {
      const path = fields[i + 1] ?? '';
      if (path) {
        changes.push({ path });
      }
      i += 2;
    }
  }
  return changes;
}
