/**
 * gitignore-style patterns, as `.worktreeinclude` uses them (and as the
 * `copyGlobs` setting is read): `#` comments, `!` negation, trailing `/` for
 * directories only, a pattern without an inner `/` matches at any depth, `*`,
 * `?`, `[...]` and `**`. The last matching pattern wins.
 */
export interface IncludePattern {
  source: string;
  negated: boolean;
  directoryOnly: boolean;
  anchored: boolean;
  regex: RegExp;
}

export function parseIncludePatterns(lines: readonly string[]): IncludePattern[] {
  const patterns: IncludePattern[] = [];
  for (const rawLine of lines) {
    let line = rawLine.replace(/\r$/, '').replace(/(?<!\\)\s+$/, '');
    if (line.length === 0 || line.startsWith('#')) {
      continue;
    }
    const negated = line.startsWith('!');
    if (negated) {
      line = line.slice(1);
    }
    if (line.startsWith('\\#') || line.startsWith('\\!')) {
      line = line.slice(1);
    }
    const directoryOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    if (line.length === 0) {
      continue;
    }
    patterns.push({ source: rawLine, negated, directoryOnly, anchored, regex: globToRegex(line) });
  }
  return patterns;
}

/** The text of a `.worktreeinclude` file as patterns. */
export function parseWorktreeInclude(text: string): IncludePattern[] {
  return parseIncludePatterns(text.split('\n'));
}

/**
 * Whether a repository-relative path (`/`-separated; directories end in `/`)
 * is selected. A path is also selected when one of its parent folders is.
 */
export function isIncluded(path: string, patterns: readonly IncludePattern[]): boolean {
  const isDirectory = path.endsWith('/');
  const parts = path.replace(/\/+$/, '').split('/');
  let included = false;
  for (const pattern of patterns) {
    if (matchesAtSomeLevel(parts, isDirectory, pattern)) {
      included = !pattern.negated;
    }
  }
  return included;
}

function matchesAtSomeLevel(
  parts: readonly string[],
  isDirectory: boolean,
  pattern: IncludePattern,
): boolean {
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const isLeaf = depth === parts.length;
    if (pattern.directoryOnly && isLeaf && !isDirectory) {
      continue;
    }
    const candidate = pattern.anchored ? parts.slice(0, depth).join('/') : (parts[depth - 1] ?? '');
    if (pattern.regex.test(candidate)) {
      return true;
    }
  }
  return false;
}

function globToRegex(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] ?? '';
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const followedBySlash = glob[i + 2] === '/';
        if (atSegmentStart && followedBySlash) {
          out += '(?:.*/)?';
          i += 2;
          continue;
        }
        out += '.*';
        i += 1;
        continue;
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const body = glob
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = close;
    } else if (char === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1] ?? '');
      i += 1;
    } else {
      out += escapeRegex(char);
    }
  }
  return new RegExp(`^${out}$`);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
