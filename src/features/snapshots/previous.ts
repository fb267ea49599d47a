import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { folderEntries } from './folderEntries';
import { isDateFolder, snapshotIdOfFile } from './model/naming';
import { SNAPSHOT_FORMAT, type SnapshotDocument } from './model/types';

/**
 * The newest earlier snapshot under `folder` (date folders, then `snapshot_<id>.json`), skipping
 * files that do not parse or are not snapshots; none later than `before` (the one being written).
 */
export async function readPreviousSnapshot(
  folder: string,
  before?: string,
): Promise<SnapshotDocument | undefined> {
  const dates = (await folderEntries(folder)).filter(isDateFolder).sort().reverse();
  for (const date of dates) {
    const files = (await folderEntries(join(folder, date)))
      .map((name) => ({ name, id: snapshotIdOfFile(name) }))
      .filter(
        (f): f is { name: string; id: string } =>
          // The same id is a snapshot taken earlier in the same second, which this one replaces.
          f.id !== undefined && (before === undefined || f.id <= before),
      )
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    for (const file of files) {
      try {
        const parsed = JSON.parse(
          await readFile(join(folder, date, file.name), 'utf8'),
        ) as Partial<SnapshotDocument>;
        if (parsed.format === SNAPSHOT_FORMAT && Array.isArray(parsed.tasks)) {
          return parsed as SnapshotDocument;
        }
      } catch {
        // A hand-edited or truncated file is not a baseline; try the one before it.
      }
    }
  }
  return undefined;
}
