import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { folderEntries } from './folderEntries';
import { isDateFolder, snapshotIdOfFile } from './model/naming';
import { SNAPSHOT_FORMAT } from './model/types';

export interface SnapshotHistoryPoint {
  /** When the snapshot was captured (ISO). */
  date: string;
  completionPercentage: number;
}

/**
 * Completion over time from the saved snapshots under `folder`, oldest first, at most `limit`
 * (the newest ones). Files that do not parse or are not snapshots are skipped.
 */
export async function readSnapshotHistory(
  folder: string,
  limit = 120,
): Promise<SnapshotHistoryPoint[]> {
  const files: string[] = [];
  for (const date of (await folderEntries(folder)).filter(isDateFolder)) {
    for (const name of await folderEntries(join(folder, date))) {
      if (snapshotIdOfFile(name) !== undefined) {
        files.push(join(folder, date, name));
      }
    }
  }
  const points: SnapshotHistoryPoint[] = [];
  for (const file of files) {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as {
        format?: unknown;
        capturedAt?: unknown;
        summary?: { completionPercentage?: unknown };
      };
      const percentage = parsed.summary?.completionPercentage;
      if (
        parsed.format === SNAPSHOT_FORMAT &&
        typeof parsed.capturedAt === 'string' &&
        typeof percentage === 'number'
      ) {
        points.push({ date: parsed.capturedAt, completionPercentage: percentage });
      }
    } catch {
      // A truncated or hand-edited file is not a point on the chart.
    }
  }
  points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return points.slice(-limit);
}
