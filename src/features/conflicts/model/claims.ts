/**
 * A task's declared claims (its `files` and `paths` globs) and whether two claims can name the
 * same file. Globs: `**` any depth, `*` and `?` within a segment, a trailing `/` a whole folder.
 */

export function claimsOf(task: {
  files: readonly string[];
  raw: Record<string, unknown>;
}): string[] {
  const paths = Array.isArray(task.raw.paths)
    ? task.raw.paths.filter((item): item is string => typeof item === 'string')
    : [];
  return [...task.files, ...paths].map(normaliseClaim).filter((claim) => claim.length > 0);
}

function normaliseClaim(claim: string): string {
  const trimmed = claim.trim().replace(/^\.\//, '').replace(/^\/+/, '');
  return trimmed.endsWith('/') ? `${trimmed}**` : trimmed;
}

const WILDCARD = /[*?[]/;

function globRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (char === '*' && glob[index + 1] === '*') {
      index++;
      if (glob[index + 1] === '/') {
        index++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  // A claim on a folder covers what is inside it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

/** Whether a path is covered by a claim. */
export function claimCovers(claim: string, path: string): boolean {
  return globRegExp(claim).test(path);
}

function literalPrefix(glob: string): string {
  const wildcard = glob.search(WILDCARD);
  return wildcard === -1 ? glob : glob.slice(0, wildcard);
}

/**
 * Whether some path can match both claims. Exact when either is a plain path; for two globs, the
 * fixed parts before their first wildcard must agree (a cautious answer: it may say yes when
 * only the endings differ).
 */
export function claimsMeet(a: string, b: string): boolean {
  if (!WILDCARD.test(a)) {
    return claimCovers(b, a) || claimCovers(a, b);
  }
  if (!WILDCARD.test(b)) {
    return claimCovers(a, b);
  }
  const prefixA = literalPrefix(a);
  const prefixB = literalPrefix(b);
  return prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA);
}

/** The claims of `mine` that meet `theirs`, written `a ~ b` when they differ. */
export function overlappingClaims(mine: readonly string[], theirs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const a of mine) {
    for (const b of theirs) {
      if (claimsMeet(a, b)) {
        found.add(a === b ? a : `${a} ~ ${b}`);
      }
    }
  }
  return [...found];
}

/** The changed paths some claim covers. */
export function claimedPaths(claims: readonly string[], paths: readonly string[]): string[] {
  const patterns = claims.map(globRegExp);
  return paths.filter((path) => patterns.some((pattern) => pattern.test(path)));
}
