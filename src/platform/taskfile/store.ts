import { readFile } from 'node:fs/promises';
import { applyEditsKnown, applyEditsTracked, type TrackedEdit } from '../../kernel/edits/apply';
import { TaskEditError } from '../../kernel/edits/errors';
import type { TaskEdit } from '../../kernel/edits/types';
import { knownPlanOf } from '../../kernel/model/knownPlan';
import { loadTaskFile } from '../../kernel/model/load';
import { reloadAfterChanges } from '../../kernel/model/reload';
import type { LoadedTaskFile } from '../../kernel/model/types';
import { TaskFileStoreError } from './errors';
import { acquireLock, type LockOptions } from '../files/lock';
import { readStable } from './readStable';
import { recoverInterrupted } from './recoverInterrupted';
import { replaceIfUnchanged } from './replaceIfUnchanged';
import { resolveWriteTarget } from './writeTarget';
import { CoordinatorError } from '../../kernel/errors/coordinatorError';

export class TaskFileBrokenError extends CoordinatorError {
  constructor(
    readonly filePath: string,
    readonly loaded: LoadedTaskFile,
  ) {
    const first = loaded.diagnostics.find((d) => d.severity === 'error');
    super(
      'taskFileBroken',
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
 * The one way the task file is read and written. A write resolves symlinks to the file they lead to
 * (refusing one that leaves the repository), takes the advisory lock beside that file
 * (`task_status.json.lock`), puts back a file a killed writer left moved aside and removes killed
 * writers' temp files, reads the text, applies the edits as minimal replacements, and replaces the
 * file only if nothing else saved it meanwhile (`replaceIfUnchanged`); if something did (a writer
 * that ignores the lock, an editor, a git checkout), the edits are re-applied to the new text.
 * A file that does not parse is never written. Reads ride out a file briefly missing or half-written.
 */
export class TaskFileStore {
  /**
   * The last good read or write of the file: an edit of exactly that text re-reads only the tasks
   * it changed instead of the whole file.
   */
  private last: LoadedTaskFile | undefined;

  constructor(
    readonly filePath: string,
    private readonly options: TaskFileStoreOptions = {},
  ) {}

  /** The file read; the same result as the last read or write when the text has not changed since. */
  async read(): Promise<LoadedTaskFile> {
    return this.remember(await readStable(this.filePath, { known: this.last }));
  }

  apply(edits: TaskEdit | TaskEdit[]): Promise<LoadedTaskFile> {
    const list = Array.isArray(edits) ? edits : [edits];
    return this.update((text) => this.edit(text, list));
  }

  /**
   * Replaces the whole text by `transform(text)` (a merge, say) under the same lock and checks as
   * `apply`; `transform` runs again on the newer text when the file changed meanwhile. A result
   * that does not read as a task file is never written.
   */
  applyText(transform: (text: string) => string): Promise<LoadedTaskFile> {
    return this.update((text) => {
      const loaded = loadTaskFile(transform(text));
      if (loaded.broken) {
        throw new TaskFileBrokenError(this.filePath, loaded);
      }
      return loaded;
    });
  }

  /**
   * Under the lock, puts back a file a killed writer moved aside and removes the scratch files of
   * writers that are gone, as every write does first; for callers that may write nothing.
   */
  async repair(): Promise<void> {
    const target = await resolveWriteTarget(this.filePath);
    const lock = await acquireLock(`${target}.lock`, this.options.lock);
    try {
      await recoverInterrupted(target, true);
    } finally {
      await lock.release();
    }
  }

  private async update(change: (text: string) => LoadedTaskFile): Promise<LoadedTaskFile> {
    const target = await resolveWriteTarget(this.filePath);
    const lock = await acquireLock(`${target}.lock`, this.options.lock);
    try {
      await recoverInterrupted(target, true);
      const maxAttempts = this.options.maxAttempts ?? 50;
      for (let attempt = 1; ; attempt++) {
        const bytes = await readFile(target);
        const before = bytes.toString('utf8');
        const after = change(before);
        if (after.text === before) {
          return this.remember(after);
        }
        if (!(await lock.isHeld())) {
          throw new TaskFileStoreError(
            'lockLost',
            `${this.filePath}: another writer took over the lock while this edit was written (it was held too long); try again`,
            this.filePath,
          );
        }
        if (await replaceIfUnchanged(target, bytes, after.text)) {
          return this.remember(after);
        }
        if (attempt >= maxAttempts) {
          throw new TaskFileStoreError(
            'keepsChanging',
            `${this.filePath} keeps changing while it is written; try again`,
            this.filePath,
          );
        }
        // Let a program saving in a loop finish its save before the next try.
        await delay(Math.random() * Math.min(attempt, 10) * 2);
      }
    } finally {
      await lock.release();
    }
  }

  private remember(loaded: LoadedTaskFile): LoadedTaskFile {
    if (!loaded.broken) {
      this.last = loaded;
    }
    return loaded;
  }

  private edit(text: string, edits: TaskEdit[]): LoadedTaskFile {
    const now = (this.options.now ?? (() => new Date()))();
    // The text this store last read or wrote: an edit and the read after it need not walk it whole.
    const previous = this.last?.text === text ? this.last : undefined;
    const known = previous && knownPlanOf(previous);
    let tracked: TrackedEdit;
    try {
      tracked =
        (known && applyEditsKnown(text, edits, now, known)) ?? applyEditsTracked(text, edits, now);
    } catch (error) {
      if (error instanceof TaskEditError && error.reason === 'unparseable') {
        throw new TaskFileBrokenError(this.filePath, loadTaskFile(text));
      }
      throw error;
    }
    const loaded =
      previous && tracked.changes
        ? reloadAfterChanges(previous, tracked.text, tracked.changes)
        : loadTaskFile(tracked.text);
    if (loaded.broken) {
      // Edits only produce valid JSON, so the original was broken somewhere the edit did not touch.
      throw new TaskFileBrokenError(this.filePath, loadTaskFile(text));
    }
    return loaded;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
