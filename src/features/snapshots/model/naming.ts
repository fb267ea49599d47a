const pad = (n: number) => String(n).padStart(2, '0');

/** `20251016T053229Z` (UTC), the id and file stem of a snapshot. */
export function snapshotId(now: Date): string {
  return (
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `T${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}Z`
  );
}

/** `2025-10-16` (UTC), the folder a day's snapshots go to. */
export function snapshotDate(now: Date): string {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}

export interface SnapshotPaths {
  /** All relative to the snapshots folder, with `/` separators. */
  dateFolder: string;
  json: string;
  markdown: string;
  latestJson: string;
  latestMarkdown: string;
}

export function snapshotPaths(now: Date): SnapshotPaths {
  const date = snapshotDate(now);
  const id = snapshotId(now);
  return {
    dateFolder: date,
    json: `${date}/snapshot_${id}.json`,
    markdown: `${date}/snapshot_${id}.md`,
    latestJson: `${date}/latest.json`,
    latestMarkdown: `${date}/latest.md`,
  };
}

const SNAPSHOT_FILE = /^snapshot_(\d{8}T\d{6}Z?)\.json$/;
const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

export function isDateFolder(name: string): boolean {
  return DATE_FOLDER.test(name);
}

/** The id in a snapshot file name, or undefined for other files. */
export function snapshotIdOfFile(name: string): string | undefined {
  return SNAPSHOT_FILE.exec(name)?.[1];
}
