import { unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isTracked } from '../../platform/git/files';
import { excludeFromGit } from './exclude';
import { writeNewFile } from './newFile';

export interface BriefWrite {
  /** Where the brief is (written now or already there); undefined when none could be placed. */
  path?: string;
  written: boolean;
  /** Said to the user when the configured name was taken by a tracked file. */
  note?: string;
}

/**
 * Writes the task brief into a worktree unless it is already there, kept out of git through
 * `info/exclude`. A file of that name tracked on the branch is left alone: the brief then goes
 * to `<name>.<task key><ext>`, or nowhere when that is tracked too. `onCreated` receives how to
 * take back each change, for the caller's rollback.
 */
export async function writeTaskBrief(options: {
  worktreePath: string;
  fileName: string;
  taskKey: string;
  render: () => string;
  onCreated: (label: string, undo: () => Promise<void>) => void;
  signal?: AbortSignal;
}): Promise<BriefWrite> {
  const { worktreePath, fileName, signal } = options;
  if (fileName.includes('/') || fileName.includes('\\') || fileName.startsWith('.')) {
    throw new Error(`The brief file name "${fileName}" must be a plain file name.`);
  }
  let name = fileName;
  let note: string | undefined;
  if (await isTracked(worktreePath, fileName, signal)) {
    const alternative = alternativeName(fileName, options.taskKey);
    if (await isTracked(worktreePath, alternative, signal)) {
      return {
        written: false,
        note: `${fileName} and ${alternative} are tracked on this branch; both were left alone and no brief was written.`,
      };
    }
    name = alternative;
    note = `${fileName} is tracked on this branch and was left alone; the brief is ${alternative}.`;
  }
  const removeExclude = await excludeFromGit(worktreePath, name, signal);
  if (removeExclude) {
    options.onCreated(`info/exclude entry /${name}`, removeExclude);
  }
  const path = join(worktreePath, name);
  const written = await writeNewFile(path, options.render());
  if (written) {
    options.onCreated(`brief ${path}`, () => unlink(path));
  }
  return { path, written, note };
}

function alternativeName(fileName: string, taskKey: string): string {
  const extension = extname(fileName);
  const stem = fileName.slice(0, fileName.length - extension.length);
  return `${stem}.${taskKey.replace(/[^A-Za-z0-9_-]+/g, '-')}${extension}`;
}
