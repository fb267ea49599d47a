import { readFile } from 'node:fs/promises';
import { applyEdits } from '../../kernel/edits/apply';
import { TaskEditError } from '../../kernel/edits/errors';
import type { TaskEdit } from '../../kernel/edits/types';
import { loadTaskFile } from '../../kernel/model/load';
import type { LoadedTaskFile } from '../../kernel/model/types';
import { writeFileAtomic } from '../files/atomicWrite';
import { acquireLock, type LockOptions } from '../files/lock';

export class TaskFileBrokenError extends Error {
  constructor(
    readonly filePath: string,
    readonly loaded: LoadedTaskFile,
  ) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    super(
      `${filePath} has errors, so it is not changed${first ? ` (${first.line}:${first.column}: ${first.message})` : ''}`,
    );
    this.name = 'TaskFileBrokenError';
  }
}

export interface TaskFileStoreOptions {
  lock?: LockOptions;
  /** Time source for `last_updated`. */
  now?: () => Date;
  /** How many times to re-apply when the file keeps changing under a writer that ignores the lock. */
  maxAttempts?: number;
}

/**
 * The one way the task file is read and written. A write takes the advisory lock
 * (`task_status.json.lock`), reads the text, applies the edits as minimal replacements, checks the
 * file did not change meanwhile (a writer that ignores the lock, a git checkout), re-applying to the
 * new text if it did, and replaces the file atomically. A file that does not parse is never written.
 */
export class TaskFileStore {
  constructor(
    readonly filePath: string,
    private readonly options: TaskFileStoreOptions = {},
  ) {}

  get lockPath(): string {
    return `${this.filePath}.lock`;
  }

  async read(): Promise<LoadedTaskFile> {
    return loadTaskFile(await readFile(this.filePath, 'utf8'));
  }

  async apply(edits: TaskEdit | TaskEdit[]): Promise<LoadedTaskFile> {
    const list = Array.isArray(edits) ? edits : [edits];
    const release = await acquireLock(this.lockPath, this.options.lock);
    try {
      const maxAttempts = this.options.maxAttempts ?? 5;
      for (let attempt = 1; ; attempt++) {
        const before = await readFile(this.filePath, 'utf8');
        const after = this.edit(before, list);
        const current = await readFile(this.filePath, 'utf8');
        if (current !== before) {
          if (attempt >= maxAttempts) {
            throw new Error(`${this.filePath} keeps changing while it is written; try again`);
          }
          continue;
        }
        if (after.text !== before) {
          await writeFileAtomic(this.filePath, after.text);
        }
        return after;
      }
    } finally {
      await release();
    }
  }

  private edit(text: string, edits: TaskEdit[]): LoadedTaskFile {
    let next: string;
    try {
      next = applyEdits(text, edits, (this.options.now ?? (() => new Date()))());
    } catch (error) {
      if (error instanceof TaskEditError && error.reason === 'unparseable') {
        throw new TaskFileBrokenError(this.filePath, loadTaskFile(text));
      }
      throw error;
    }
    const loaded = loadTaskFile(next);
    if (loaded.broken) {
      // Edits only produce valid JSON, so the original was broken somewhere the edit did not touch.
      throw new TaskFileBrokenError(this.filePath, loadTaskFile(text));
    }
    return loaded;
  }
}
