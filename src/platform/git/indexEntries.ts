import { runGit } from './exec';

/** The blob the index holds for `path` (stage 0), or undefined when it holds none. */
export async function indexedBlob(
  cwd: string,
  path: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['ls-files', '-s', '-z', '--', `:(literal)${path}`], {
    cwd,
    signal,
    readOnly: true,
  });
  const entry = /^\d+ ([0-9a-f]+) 0\t/.exec(result.stdout);
  return entry?.[1];
}

/** Points the index entry of `path` at `blob`, leaving every other entry as it is. */
export async function setIndexedBlob(
  cwd: string,
  path: string,
  blob: string,
  signal?: AbortSignal,
): Promise<void> {
  await runGit(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], {
    cwd,
    signal,
  });
}

/** Files under `folder` (relative, `/`-separated) that are new or changed against the index, ignored ones left out. */
export async function changedFilesUnder(
  cwd: string,
  folder: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const result = await runGit(
    ['ls-files', '-z', '--modified', '--others', '--exclude-standard', '--', `:(literal)${folder}`],
    { cwd, signal, readOnly: true },
  );
  return [...new Set(result.stdout.split('\0').filter((path) => path.length > 0))];
}

/** The branch `HEAD` is on (`refs/heads/main`), or undefined when it is detached. */
export async function headBranchRef(
  cwd: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['symbolic-ref', '-q', 'HEAD'], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
