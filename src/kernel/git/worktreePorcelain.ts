import type { WorktreeEntry } from './worktreeTypes';

const BRANCH_PREFIX = 'refs/heads/';

/**
 * Parses `git worktree list --porcelain`, with or without `-z`. Unknown
 * attributes are ignored so newer git versions keep working.
 */
export function parseWorktreePorcelain(text: string): WorktreeEntry[] {
  const lines = text.includes('\0') ? text.split('\0') : text.split(/\r?\n/);
  const entries: WorktreeEntry[] = [];
  let current: WorktreeEntry | undefined;
  for (const line of lines) {
    if (line.length === 0) {
      current = undefined;
      continue;
    }
    const space = line.indexOf(' ');
    const label = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? undefined : line.slice(space + 1);
    if (label === 'worktree') {
      current = { path: value ?? '', detached: false, bare: false, main: entries.length === 0 };
      entries.push(current);
      continue;
    }
    if (!current) {
      continue;
    }
    switch (label) {
      case 'HEAD':
        current.head = value;
        break;
      case 'branch':
        current.branch = value?.startsWith(BRANCH_PREFIX)
          ? value.slice(BRANCH_PREFIX.length)
          : value;
        break;
      case 'detached':
        current.detached = true;
        break;
      case 'bare':
        current.bare = true;
        break;
      case 'locked':
        current.locked = value && value.length > 0 ? value : true;
        break;
      case 'prunable':
        current.prunable = value ?? 'gitdir file points to non-existent location';
        break;
    }
  }
  return entries;
}

/**
 * Parses the human form of `git worktree list` (as teams paste it into
 * snapshots): `<path> <sha> [<branch>]`, `(detached HEAD)` or `(bare)`, then
 * optional `locked` / `prunable`. Parsed from the right so paths with spaces work.
 */
export function parseWorktreeListText(text: string): WorktreeEntry[] {
  const entries: WorktreeEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line.trim().length === 0) {
      continue;
    }
    const match =
      /^(.*?)\s+(?:([0-9a-f]{4,64})\s+)?(\[[^\]]*\]|\(detached HEAD\)|\(bare\))((?:\s+(?:locked|prunable))*)$/.exec(
        line,
      );
    if (!match) {
      continue;
    }
    const [, path = '', head, where = '', flags = ''] = match;
    const entry: WorktreeEntry = {
      path: path.trim(),
      detached: where === '(detached HEAD)',
      bare: where === '(bare)',
      main: entries.length === 0,
    };
    if (head) {
      entry.head = head;
    }
    if (where.startsWith('[')) {
      entry.branch = where.slice(1, -1);
    }
    if (/\blocked\b/.test(flags)) {
      entry.locked = true;
    }
    if (/\bprunable\b/.test(flags)) {
      entry.prunable = 'listed as prunable';
    }
    entries.push(entry);
  }
  return entries;
}

/** True when `child` is `parent` or lies inside it (both absolute, `/`-separated or native). */
export function isPathInside(child: string, parent: string): boolean {
  const normalise = (path: string) => path.replace(/\\/g, '/').replace(/\/+$/, '');
  const c = normalise(child);
  const p = normalise(parent);
  return c === p || c.startsWith(p + '/');
}

/** Entries nested inside another worktree's folder (e.g. `Repo/Repo-cc-dxrc` inside `Repo`). */
export function nestedWorktrees(entries: readonly WorktreeEntry[]): Map<string, string> {
  const parents = new Map<string, string>();
  for (const entry of entries) {
    const container = entries
      .filter((other) => other !== entry && isPathInside(entry.path, other.path))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (container) {
      parents.set(entry.path, container.path);
    }
  }
  return parents;
}
