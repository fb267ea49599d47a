import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onEvent` whenever anything in `folder` (not below it) is written, created, renamed or
 * deleted, by the operating system's own notifications. The folder must exist; when it cannot be
 * watched (gone, or no such folder) `onEvent` is called once and the watch ends.
 */
export function watchFolder(folder: string, onEvent: () => void): { dispose(): void } {
  let watcher: FSWatcher | undefined;
  const end = () => {
    watcher?.close();
    watcher = undefined;
  };
  try {
    watcher = watch(folder, { persistent: false }, () => onEvent());
    watcher.on('error', () => {
      end();
      onEvent();
    });
  } catch {
    onEvent();
  }
  return { dispose: end };
}
