import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNAPSHOT_FORMAT } from '../../../src/features/snapshots/model/types';
import { readSnapshotHistory } from '../../../src/features/snapshots/history';

function snapshot(capturedAt: string, completionPercentage: number): string {
  return JSON.stringify({
    format: SNAPSHOT_FORMAT,
    capturedAt,
    summary: { completionPercentage },
    tasks: [],
  });
}

describe('snapshot history', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'coord-history-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads completion over time from the saved snapshots, oldest first, skipping what is not a snapshot', async () => {
    mkdirSync(join(folder, '2026-11-20'));
    mkdirSync(join(folder, '2026-11-21'));
    mkdirSync(join(folder, 'notes'));
    writeFileSync(
      join(folder, '2026-11-21', 'snapshot_20261121T090000Z.json'),
      snapshot('2026-11-21T09:00:00Z', 40),
    );
    writeFileSync(
      join(folder, '2026-11-20', 'snapshot_20261120T180000Z.json'),
      snapshot('2026-11-20T18:00:00Z', 25),
    );
    writeFileSync(
      join(folder, '2026-11-20', 'snapshot_20261120T080000Z.json'),
      snapshot('2026-11-20T08:00:00Z', 10),
    );
    writeFileSync(join(folder, '2026-11-21', 'latest.json'), snapshot('2026-11-21T09:00:00Z', 40));
    writeFileSync(join(folder, '2026-11-21', 'snapshot_20261121T100000Z.json'), '{"format": ');
    writeFileSync(
      join(folder, '2026-11-21', 'snapshot_20261121T110000Z.json'),
      JSON.stringify({ format: 'other' }),
    );
    writeFileSync(
      join(folder, 'notes', 'snapshot_20261121T120000Z.json'),
      snapshot('2026-11-21T12:00:00Z', 99),
    );

    assert.deepEqual(await readSnapshotHistory(folder), [
      { date: '2026-11-20T08:00:00Z', completionPercentage: 10 },
      { date: '2026-11-20T18:00:00Z', completionPercentage: 25 },
      { date: '2026-11-21T09:00:00Z', completionPercentage: 40 },
    ]);
    assert.deepEqual(
      (await readSnapshotHistory(folder, 2)).map((p) => p.completionPercentage),
      [25, 40],
      'keeps the newest points',
    );
  });

  it('is empty when no snapshot was saved yet', async () => {
    assert.deepEqual(await readSnapshotHistory(join(folder, 'missing')), []);
  });
});
