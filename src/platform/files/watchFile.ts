import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onEvent` whenever `file` is written, replaced, created or deleted, by watching its folder
 * with the operating system's own notifications (a file watch would lose an atomic rename).
 * The folder must exist; its removal is reported too.
 *
 * VS Code's workspace watcher can miss every later event in a folder that was created together
 * with its first file (`mkdir -p` then write), so the task file is watched here as well.
 */
export function watchFile(file: string, onEvent: () => void): { dispose(): void } {
  const name = basename(file);
  // When the folder itself goes, Linux reports it under the folder's own name.
  const folderName = basename(dirname(file));
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(file), { persistent: false }, (_type, changed) => {
      const what = changed?.toString();
      if (what === undefined || what === name || what === folderName) {
        onEvent();
      }
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
      onEvent();
    });
  } catch {
    // No folder to watch: the caller's discovery notices the file when it appears.
  }
  return {
    dispose: () => {
      watcher?.close();
      watcher = undefined;
    },
  };
}
