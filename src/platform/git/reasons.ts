import type { GitErrorReason } from './errors';

/**
 * stderr patterns (C locale) mapped to reasons, first match wins. Ordered from
 * the most specific to the most general.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, GitErrorReason]> = [
  [/not a git repository/i, 'notARepository'],
  [/cannot lock ref .*(but expected|reference already exists)/i, 'refMoved'],
  [/is already (checked out|used by worktree) at/i, 'alreadyCheckedOut'],
  [/a branch named .* already exists/i, 'alreadyExists'],
  [/already exists/i, 'pathExists'],
  [/contains modified or untracked files|is dirty|use --force to delete it/i, 'dirty'],
  [/is not fully merged/i, 'unpushed'],
  [
    /is not a valid branch name|not a valid ref name|is not a valid (object|reference)/i,
    'invalidRef',
  ],
  [
    /invalid reference|unknown revision|not a valid object name|bad object|needed a single revision|no such ref/i,
    'unknownRef',
  ],
  [
    /does not have any commits yet|ambiguous argument 'HEAD'|your current branch .* does not have any commits/i,
    'noCommits',
  ],
  [/is locked|cannot (remove|move) a locked working tree|locked working tree/i, 'locked'],
  [/is not a working tree/i, 'notAWorktree'],
  [
    /\.lock': File exists|unable to create '.*\.lock'|another git process seems to be running/i,
    'lockContention',
  ],
];

export function classifyGitStderr(stderr: string): GitErrorReason {
  for (const [pattern, reason] of PATTERNS) {
    if (pattern.test(stderr)) {
      return reason;
    }
  }
  return 'unknown';
}
