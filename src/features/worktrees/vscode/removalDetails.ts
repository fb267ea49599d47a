import { runGit } from '../../../platform/git';

const MAX_LINES = 12;

/**
 * What a removal would throw away, as lines for the confirmation: `git status --short` of the
 * worktree and the commits neither the base nor a remote has (`git log --oneline`).
 */
export async function removalDetails(
  path: string,
  base: string | undefined,
): Promise<{ changed: string[]; unpushed: string[] }> {
  const status = runGit(['status', '--short', '--untracked-files=normal'], {
    cwd: path,
    readOnly: true,
  });
  const log = base
    ? runGit(
        [
          'log',
          '--format=%h %s',
          `--max-count=${MAX_LINES + 1}`,
          'HEAD',
          '--not',
          '--remotes',
          '--end-of-options',
          base,
          '--',
        ],
        {
          cwd: path,
          readOnly: true,
        },
      )
    : undefined;
  const [statusResult, logResult] = await Promise.all([status, log]);
  return { changed: lines(statusResult.stdout), unpushed: lines(logResult?.stdout ?? '') };
}

/** The first lines, with a count of the rest. */
export function clipLines(all: readonly string[], max = MAX_LINES): string[] {
  return all.length <= max ? [...all] : [...all.slice(0, max), `… and ${all.length - max} more`];
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0);
}
