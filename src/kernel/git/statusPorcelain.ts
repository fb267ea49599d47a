import type { WorktreeStatus } from './worktreeTypes';

/** Parses `git status --porcelain=v2 --branch` (newline form). */
export function parseStatusV2(text: string): WorktreeStatus {
  const status: WorktreeStatus = {
    staged: 0,
    unstaged: 0,
    untracked: 0,
    conflicted: 0,
    dirtyCount: 0,
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('# ')) {
      readHeader(line.slice(2), status);
      continue;
    }
    const kind = line[0];
    if (kind === '1' || kind === '2') {
      const xy = line.slice(2, 4);
      if (xy[0] !== '.') {
        status.staged += 1;
      }
      if (xy[1] !== '.') {
        status.unstaged += 1;
      }
      status.dirtyCount += 1;
    } else if (kind === 'u') {
      status.conflicted += 1;
      status.dirtyCount += 1;
    } else if (kind === '?') {
      status.untracked += 1;
      status.dirtyCount += 1;
    }
  }
  return status;
}

function readHeader(header: string, status: WorktreeStatus): void {
  const space = header.indexOf(' ');
  const name = header.slice(0, space);
  const value = header.slice(space + 1);
  switch (name) {
    case 'branch.oid':
      if (value !== '(initial)') {
        status.oid = value;
      }
      break;
    case 'branch.head':
      if (value !== '(detached)') {
        status.branch = value;
      }
      break;
    case 'branch.upstream':
      status.upstream = value;
      break;
    case 'branch.ab': {
      const match = /^\+(\d+) -(\d+)$/.exec(value);
      if (match) {
        status.ahead = Number(match[1]);
        status.behind = Number(match[2]);
      }
      break;
    }
  }
}

/** Parses `git rev-list --left-right --count A...B` into counts on each side. */
export function parseLeftRightCount(text: string): { left: number; right: number } {
  const match = /^(\d+)\s+(\d+)\s*$/.exec(text.trim());
  if (!match) {
    throw new Error(`Unexpected rev-list --left-right --count output: ${JSON.stringify(text)}`);
  }
  return { left: Number(match[1]), right: Number(match[2]) };
}

/**
 * Parses `git status --porcelain=v2 -z` (without `--branch`): only the change counts. Records are
 * NUL-terminated; a rename or copy record (`2`) is followed by its original path.
 */
export function parseStatusV2Z(text: string): WorktreeStatus {
  const status: WorktreeStatus = {
    staged: 0,
    unstaged: 0,
    untracked: 0,
    conflicted: 0,
    dirtyCount: 0,
  };
  const records = text.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i] ?? '';
    const kind = record[0];
    if (kind === '1' || kind === '2') {
      if (record[2] !== '.') {
        status.staged += 1;
      }
      if (record[3] !== '.') {
        status.unstaged += 1;
      }
      status.dirtyCount += 1;
      if (kind === '2') {
        i += 1;
      }
    } else if (kind === 'u') {
      status.conflicted += 1;
      status.dirtyCount += 1;
    } else if (kind === '?') {
      status.untracked += 1;
      status.dirtyCount += 1;
    }
  }
  return status;
}
