/**
 * Paths from `git status --porcelain=v1 -z --untracked-files=all`: every changed or untracked
 * file, without deleted ones (they have no time to compare) and the source side of renames.
 */
export function changedPathsFromStatusZ(output: string): string[] {
  const fields = output.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i];
    if (entry.length < 4) {
      continue;
    }
    const status = entry.slice(0, 2);
    if (status.includes('R') || status.includes('C')) {
      i++; // the next field is the original path
    }
    if (status !== ' D' && status !== 'D ' && status !== 'DD') {
      paths.push(entry.slice(3));
    }
  }
  return paths;
}

/** Whether a `/`-separated relative path lies under one of `prefixes` (folder paths, with or without `/`). */
export function isUnderAny(relativePath: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => {
    const folder = prefix.replace(/\/+$/, '');
    return folder.length > 0 && (relativePath === folder || relativePath.startsWith(`${folder}/`));
  });
}

/** The fixed part of an `output_path` before `<timestamp>`: what the freshness check leaves out. */
export function outputPathPrefix(outputPath: string): string {
  const at = outputPath.indexOf('<timestamp>');
  const fixed = at < 0 ? outputPath : outputPath.slice(0, at);
  return fixed.replace(/^\.\//, '');
}
