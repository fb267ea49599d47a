import { runGit } from './exec';

/**
 * Untracked paths of a worktree, `/`-separated and relative to its root:
 * untracked files that are not ignored, then ignored entries (an ignored
 * folder is listed once, ending in `/`, not file by file).
 */
export async function untrackedPaths(root: string, signal?: AbortSignal): Promise<string[]> {
  const [plain, ignored] = await Promise.all([
    runGit(['ls-files', '-z', '--others', '--exclude-standard'], {
      cwd: root,
      signal,
      readOnly: true,
    }),
    runGit(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'], {
      cwd: root,
      signal,
      readOnly: true,
    }),
  ]);
  const split = (text: string) => text.split('\0').filter((path) => path.length > 0);
  return [...split(plain.stdout), ...split(ignored.stdout)];
}

/** Absolute path of a file in the git dir as seen from `cwd`'s worktree (`info/exclude` is shared by all worktrees). */
export async function gitPath(cwd: string, name: string, signal?: AbortSignal): Promise<string> {
  const result = await runGit(['rev-parse', '--path-format=absolute', '--git-path', name], {
    cwd,
    signal,
    readOnly: true,
  });
  return result.stdout.trim();
}

/** True when git tracks `relative` (a file path from the worktree root) in `cwd`'s worktree. */
export async function isTracked(
  cwd: string,
  relative: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const result = await runGit(['ls-files', '-z', '--', `:(literal)${relative}`], {
    cwd,
    signal,
    readOnly: true,
  });
  return result.stdout.length > 0;
}

/** True when `relative` (from the worktree root) is ignored by git in `cwd`'s worktree. */
export async function isIgnored(
  cwd: string,
  relative: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const result = await runGit(['check-ignore', '-q', '--no-index', '--', relative], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0;
}
