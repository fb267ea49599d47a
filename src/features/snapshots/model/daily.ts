import { snapshotDate } from './naming';

/**
 * Whether the daily capture should run now: when no snapshot was taken today (UTC, the day of
 * the date folders) and it is past `hourUtc`.
 */
export function isDailySnapshotDue(
  lastCapturedAt: string | undefined,
  now: Date,
  hourUtc = 0,
): boolean {
  if (now.getUTCHours() < hourUtc) {
    return false;
  }
  if (lastCapturedAt === undefined) {
    return true;
  }
  const last = new Date(lastCapturedAt);
  return Number.isNaN(last.getTime()) || snapshotDate(last) !== snapshotDate(now);
}
