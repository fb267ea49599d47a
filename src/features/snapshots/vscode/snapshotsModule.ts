import * as path from 'node:path';
import type * as SnapshotsModule from '..';

export type { SnapshotsModule };

let loaded: typeof SnapshotsModule | undefined;

/**
 * Snapshot capture, built as its own bundle (`dist/snapshots.js`) and required on the first
 * capture so that activation never loads it. Never import `..` statically from here.
 */
export function loadSnapshotsModule(): typeof SnapshotsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazily loaded sibling bundle
  loaded ??= require(path.join(__dirname, 'snapshots.js')) as typeof SnapshotsModule;
  return loaded;
}
