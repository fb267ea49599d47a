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

/** Puts the index entry of `path` back to `blob`, or removes it when there was none. */
export async function restoreIndexedBlob(
  cwd: string,
  path: string,
  blob: string | undefined,
  signal?: AbortSignal,
): Promise<void> {
  if (blob) {
    await setIndexedBlob(cwd, path, blob, signal);
  } else {
    await runGit(['update-index', '--force-remove', '--', path], { cwd, signal });
  }
}
