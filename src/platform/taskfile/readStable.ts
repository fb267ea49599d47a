import { readFile, stat } from 'node:fs/promises';
import { loadTaskFile } from '../../kernel/model/load';
import type { LoadedTaskFile } from '../../kernel/model/types';
import { recoverInterrupted } from './recoverInterrupted';

export interface ReadStableOptions {
  /** How long a missing or unparseable file is looked at again before it is reported. */
  settleMs?: number;
  /** A read of exactly this text is this result again: reading is a function of the text. */
  known?: LoadedTaskFile;
}

const RETRY_MS = 15;
/** A broken text unchanged this long is what the file holds, not a write in progress. */
const STILL_BROKEN_MS = 300;

/**
 * Reads and loads the task file, riding out a moment where it is missing (a writer replacing it,
 * an editor renaming its save into place) or half-written (a tool writing it in place): such a file
 * is read again until it parses or stays the same for `settleMs`. A file a killed writer had moved
 * aside is put back first.
 */
export async function readStable(
  path: string,
  options: ReadStableOptions = {},
): Promise<LoadedTaskFile> {
  const deadline = Date.now() + (options.settleMs ?? 1_500);
  let brokenText: string | undefined;
  let brokenSince = 0;
  for (;;) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || Date.now() >= deadline) {
        throw error;
      }
      await recoverInterrupted(path, false);
      await delay(RETRY_MS);
      continue;
    }
    const loaded = text === options.known?.text ? options.known : loadTaskFile(text);
    if (!loaded.broken) {
      return loaded;
    }
    if (text !== brokenText) {
      brokenText = text;
      brokenSince = Date.now();
    } else if (Date.now() - brokenSince >= STILL_BROKEN_MS || Date.now() >= deadline) {
      return loaded;
    }
    await delay(RETRY_MS);
  }
}

/** Whether `path` is a file, waiting a moment when it is missing while being replaced. */
export async function isFileOrBeingReplaced(path: string, waitMs = 500): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const isFile = await stat(path).then(
      (s) => s.isFile(),
      () => undefined,
    );
    if (isFile !== undefined) {
      return isFile;
    }
    const locked = await stat(`${path}.lock`).then(
      () => true,
      () => false,
    );
    if (!locked || Date.now() >= deadline) {
      await recoverInterrupted(path, false);
      return stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
    }
    await delay(RETRY_MS);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
