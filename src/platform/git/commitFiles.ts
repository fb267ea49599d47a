import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from './exec';

/** One file of a commit: its `/`-separated path in the tree and its blob. */
export interface TreeFile {
  readonly path: string;
  readonly blob: string;
}

export interface FilesCommit {
  /** The tree the commit starts from (usually its first parent's); none for a tree of just `files`. */
  readonly baseTree?: string;
  readonly files: readonly TreeFile[];
  readonly parents: readonly string[];
  readonly message: string;
}

/** Stores `text` as a blob in the repository's objects and returns its id. */
export async function writeBlob(cwd: string, text: string, signal?: AbortSignal): Promise<string> {
  const result = await runGit(['hash-object', '-w', '--no-filters', '--stdin'], {
    cwd,
    signal,
    input: text,
  });
  return result.stdout.trim();
}

/** Stores the file at `absolutePath` as a blob (as git add would, without filters) and returns its id. */
export async function writeBlobFromFile(
  cwd: string,
  absolutePath: string,
  signal?: AbortSignal,
): Promise<string> {
  const result = await runGit(['hash-object', '-w', '--no-filters', '--', absolutePath], {
    cwd,
    signal,
  });
  return result.stdout.trim();
}

/**
 * Writes a commit of `files` over `baseTree` through a temporary index, so neither the user's
 * index nor any worktree or ref is touched; returns the commit and its tree. Moving a ref to it
 * is the caller's step (`updateRefChecked`).
 */
export async function writeFilesCommit(
  cwd: string,
  commit: FilesCommit,
  signal?: AbortSignal,
): Promise<{ commit: string; tree: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'coord-index-'));
  const env = { GIT_INDEX_FILE: join(folder, 'index') };
  const git = (args: string[], input?: string) => runGit(args, { cwd, signal, env, input });
  try {
    if (commit.baseTree) {
      await git(['read-tree', commit.baseTree]);
    }
    const entries = commit.files.map((file) => `100644 ${file.blob}\t${file.path}\n`).join('');
    await git(['update-index', '--add', '--index-info'], entries);
    const tree = (await git(['write-tree'])).stdout.trim();
    const parents = commit.parents.flatMap((parent) => ['-p', parent]);
    const id = (
      await git(['commit-tree', tree, ...parents, '-F', '-'], commit.message)
    ).stdout.trim();
    return { commit: id, tree };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Moves `ref` to `next` only if it still points at `previous` (undefined: only if it does not
 * exist); otherwise rejects with reason `refMoved`, and the ref is left as another writer set it.
 */
export async function updateRefChecked(
  cwd: string,
  ref: string,
  next: string,
  previous: string | undefined,
  message: string,
  signal?: AbortSignal,
): Promise<void> {
  await runGit(['update-ref', '-m', message, ref, next, previous ?? ''], { cwd, signal });
}

/** Points `ref` at `commit` whatever it held. */
export async function setRef(
  cwd: string,
  ref: string,
  commit: string,
  message: string,
  signal?: AbortSignal,
): Promise<void> {
  await runGit(['update-ref', '-m', message, ref, commit], { cwd, signal });
}

/** The object `rev` names (a commit, a tree...), or undefined when there is none. */
export async function resolveObject(
  cwd: string,
  rev: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
    cwd,
    signal,
    readOnly: true,
    okExitCodes: [1],
  });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
