import assert from 'node:assert/strict';
import { captureSnapshot } from '../../../src/features/snapshots';
import { createRadarRepo, TEN_LINES, withLines, type RadarRepo } from './radarRepo';

describe('the conflict forecast in snapshots (real git)', function () {
  this.timeout(60_000);
  let repo: RadarRepo;
  afterEach(() => repo?.dispose());

  it('lists the conflicting pairs and their files in the JSON and the Markdown', async () => {
    repo = createRadarRepo({ 'shared.txt': TEN_LINES });
    repo.branch('task-a', { 'shared.txt': withLines({ 3: 'A' }) });
    repo.branch('task-b', { 'shared.txt': withLines({ 3: 'B' }) });
    await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const captured = await captureSnapshot({
      repoRoot: repo.root,
      taskFile: `${repo.parent}/task_status.json`,
      folder: `${repo.parent}/snapshots`,
      github: { unavailable: 'not in this test' },
    });
    assert.deepEqual(captured.document.conflicts, {
      base: 'main',
      branches: 2,
      mergedPairs: 1,
      conflicting: [{ a: 'ta', b: 'tb', files: 'shared.txt (1 hunk)' }],
      notes: [],
    });
    assert.match(
      captured.markdown,
      /## Merge conflict forecast\n\n2 live branches against `main`; 1 pair sharing files merged in memory\.\n\n\| Task \| Conflicts with \| Files \|\n.*\n\| `ta` \| `tb` \| shared\.txt \(1 hunk\) \|/,
    );
  });
});
