import { strict as assert } from 'node:assert';
import { forecastConflicts } from '../../../src/features/conflicts/forecast';
import { conflictMatrix } from '../../../src/features/conflicts/model/conflictMatrix';
import { diffDashboard } from '../../../src/features/dashboard/model';
import type { DashboardConflicts } from '../../../src/protocol/dashboardModel';
import { isolateGitConfig } from '../../support/tempRepo';
import { createRadarRepo, TEN_LINES, withLines, type RadarRepo } from '../conflicts/radarRepo';
import { fixtureText, viewModelOf } from './fixtures';
import { DashboardPage } from './pageHarness';

describe('the conflict matrix: a real forecast drawn in the dashboard page in Chromium', function () {
  this.timeout(90_000);
  isolateGitConfig();
  let repo: RadarRepo;
  let harness: DashboardPage;
  let matrix: DashboardConflicts;

  before(async () => {
    repo = createRadarRepo({ 'shared.txt': TEN_LINES, 'api.ts': TEN_LINES, 'far.txt': TEN_LINES });
    // ta and tb change the same line; tc shares api.ts with ta at lines far apart (clean);
    // td changes a file nobody else does.
    repo.branch('task-a', { 'shared.txt': withLines({ 3: 'A' }), 'api.ts': withLines({ 1: 'A' }) });
    repo.branch('task-b', { 'shared.txt': withLines({ 3: 'B' }) });
    repo.branch('task-c', { 'api.ts': withLines({ 9: 'C' }) });
    repo.branch('task-d', { 'far.txt': withLines({ 5: 'D' }) });
    const model = await repo.plan({
      ta: { branch: 'task-a' },
      tb: { branch: 'task-b' },
      tc: { branch: 'task-c' },
      td: { branch: 'task-d' },
    });
    matrix = conflictMatrix(await forecastConflicts({ folder: repo.root, model }));
    harness = await DashboardPage.start();
  });
  after(async () => {
    await harness?.close();
    repo?.dispose();
  });

  it('heads the matrix with every side that shares a file, and lists each shared file once per pair', () => {
    assert.deepEqual(matrix.labels, ['ta', 'tb', 'tc']);
    const byPair = Object.fromEntries(
      matrix.cells.map((cell) => [
        `${cell.a}×${cell.b}`,
        [cell.status, cell.files.map((f) => [f.path, f.hunks])],
      ]),
    );
    assert.deepEqual(byPair, {
      'ta×tb': ['conflict', [['shared.txt', 1]]],
      'ta×tc': ['clean', [['api.ts', 0]]],
    });
  });

  it('draws the grid; arrows move one focused cell and Enter lists the files of the pair', async () => {
    await harness.page.evaluate(() => sessionStorage.clear());
    await harness.load();
    const model = viewModelOf(fixtureText('lukhas'));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    assert.match(
      (await page.locator('#section-conflicts .conflicts').textContent()) ?? '',
      /No forecast yet/,
    );
    await harness.send({
      type: 'delta',
      delta: diffDashboard(model, { ...model, conflicts: matrix }),
    });
    const grid = page.locator('#section-conflicts table[role="grid"]');
    assert.equal(await grid.getAttribute('aria-label'), 'Merge conflict forecast against main');
    assert.deepEqual(await grid.locator('thead th').allTextContents(), ['ta', 'tb', 'tc']);
    const cell = (row: string, column: string) =>
      page.locator(`td[data-row="${row}"][data-column="${column}"]`);
    assert.equal(
      await cell('ta', 'tb').getAttribute('tabindex'),
      '0',
      'the first conflict is the one tab stop',
    );
    assert.equal(await page.locator('td.conflict-cell[tabindex="0"]').count(), 1);
    assert.equal(
      await cell('tb', 'ta').getAttribute('aria-label'),
      'tb and ta conflict in shared.txt (1 hunk)',
    );
    assert.equal(
      await cell('tc', 'tb').getAttribute('aria-label'),
      'tc and tb: no file changed by both',
    );
    assert.equal(
      (await page.locator('#section-conflicts .conflict-detail').textContent()) ?? '',
      'ta × tb: merging both conflictsshared.txt (1 hunk)',
    );
    await cell('ta', 'tb').focus();
    await page.keyboard.press('ArrowRight');
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return `${active?.dataset.row}×${active?.dataset.column}`;
      });
    assert.equal(await focused(), 'ta×tc');
    assert.equal(await cell('ta', 'tc').getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(
      await page.locator('#section-conflicts .conflict-detail').textContent(),
      'ta × tc: shared files merge cleanlyapi.ts',
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'tb×ta');
    await page.keyboard.press(' ');
    assert.match(
      (await page.locator('#section-conflicts .conflict-files').textContent()) ?? '',
      /^shared\.txt \(1 hunk\)$/,
    );
    await page.locator('#section-conflicts tbody th button', { hasText: 'tc' }).click();
    assert.equal(await page.locator('td.conflict-cell[tabindex="0"]').count(), 1);
  });
});
