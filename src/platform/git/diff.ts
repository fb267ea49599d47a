import { parseNameStatus, type ChangedPath } from '../../kernel/git/diffNameStatus';
import { runGit } from './exec';

/**
 * The paths `head` changed since its merge-base with `base` (`base...head`), with renames
 * detected, as a pull request would show them.
 */
export async function changedPathsSinceMergeBase(
  cwd: string,
  base: string,
  head: string,
  signal?: AbortSignal,
): Promise<ChangedPath[]> {
  const result = await runGit(
    [
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--no-ext-diff',
      '--end-of-options',
      `${base}...${head}`,
      '--',
    ],
    { cwd, signal, readOnly: true },
  );
  return parseNameStatus(result.stdout);
}

/** Author names of the commits on `head` that `base` does not have. */
export async function authorsSince(
  cwd: string,
  base: string,
  head: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const result = await runGit(
    ['log', '--format=%an', '--end-of-options', `${base}..${head}`, '--'],
    {
      cwd,
      signal,
      readOnly: true,
    },
  );
  return [
    ...new Set(
      result.stdout
        .split('\n')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}
