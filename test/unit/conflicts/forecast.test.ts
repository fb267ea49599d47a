import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forecastConflicts } from '../../../src/features/conflicts/forecast';
import type { ConflictForecast, PairForecast } from '../../../src/features/conflicts/model/types';
import { isolateGitConfig } from '../../support/tempRepo';
import { createRadarRepo, TEN_LINES, withLines, type RadarRepo } from './radarRepo';

function pair(forecast: ConflictForecast, a: string, b: string): PairForecast | undefined {
  return forecast.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
}

function conflictedPaths(found: PairForecast | undefined): string[] {
  return found?.verdict.status === 'conflict' ? found.verdict.files.map((f) => f.path).sort() : [];
}

describe('conflict forecast (real git, temporary repositories)', function () {
  this.timeout(60_000);
  isolateGitConfig();
  let repo: RadarRepo;
  afterEach(() => repo?.dispose());

  it('knows disjoint changes are clean without merging them', async () => {
    repo = createRadarRepo({ 'a.txt': TEN_LINES, 'b.txt': TEN_LINES });
    repo.branch('task-a', { 'a.txt': withLines({ 1: 'A' }) });
    repo.branch('task-b', { 'b.txt': withLines({ 1: 'B' }) });
    const model = await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const forecast = await forecastConflicts({ folder: repo.root, model });
    assert.deepEqual(forecast.pairs, [], 'no pair shares a path, so nothing is merged');
    assert.equal(forecast.disjointPairs, 1);
    assert.deepEqual(
      forecast.branches.map((b) => b.label),
      ['ta', 'tb'],
    );
    assert.deepEqual(repo.realConflicts('task-a', 'task-b'), []);
  });

  it('finds the same lines changed differently, with the file and its hunk count, as git merge does', async () => {
    repo = createRadarRepo({ 'shared.txt': TEN_LINES });
    repo.branch('task-a', { 'shared.txt': withLines({ 2: 'A two', 8: 'A eight' }) });
    repo.branch('task-b', { 'shared.txt': withLines({ 2: 'B two', 8: 'B eight' }) });
    const model = await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const found = pair(await forecastConflicts({ folder: repo.root, model }), 'ta', 'tb');
    assert.equal(found?.verdict.status, 'conflict');
    assert.deepEqual(conflictedPaths(found), repo.realConflicts('task-a', 'task-b'));
    assert.deepEqual(found?.verdict.status === 'conflict' && found.verdict.files, [
      { path: 'shared.txt', hunks: 2, kinds: ['content'] },
    ]);
    assert.deepEqual(found?.overlap, ['shared.txt']);
  });

  it('agrees with git merge on edits to adjacent lines and on edits far apart', async () => {
    repo = createRadarRepo({ 'near.txt': TEN_LINES, 'far.txt': TEN_LINES });
    repo.branch('task-a', {
      'near.txt': withLines({ 4: 'A four' }),
      'far.txt': withLines({ 1: 'A' }),
    });
    repo.branch('task-b', {
      'near.txt': withLines({ 5: 'B five' }),
      'far.txt': withLines({ 10: 'B' }),
    });
    const model = await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const found = pair(await forecastConflicts({ folder: repo.root, model }), 'ta', 'tb');
    const real = repo.realConflicts('task-a', 'task-b');
    assert.deepEqual(conflictedPaths(found), real);
    assert.ok(real.includes('near.txt'), 'git treats adjacent edits as one conflict');
    assert.ok(!real.includes('far.txt'));
    assert.deepEqual(
      found?.overlap,
      ['far.txt', 'near.txt'],
      'both files were merged, not guessed',
    );
  });

  it('merges a rename on one side with an edit on the other cleanly, as git does', async () => {
    repo = createRadarRepo({ 'old.txt': TEN_LINES });
    repo.branch('task-a', {}, [['old.txt', 'new.txt']]);
    repo.branch('task-b', { 'old.txt': withLines({ 3: 'B three' }) });
    const model = await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const found = pair(await forecastConflicts({ folder: repo.root, model }), 'ta', 'tb');
    assert.deepEqual(found?.verdict, { status: 'clean', via: 'merge' });
    assert.deepEqual(found?.overlap, ['old.txt'], 'the rename counts as touching the old path');
    assert.deepEqual(repo.realConflicts('task-a', 'task-b'), []);
  });

  it('reports a file deleted on one side and edited on the other as modify/delete without hunks', async () => {
    repo = createRadarRepo({ 'gone.txt': TEN_LINES });
    repo.branch('task-a', { 'gone.txt': null });
    repo.branch('task-b', { 'gone.txt': withLines({ 6: 'B six' }) });
    const model = await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const found = pair(await forecastConflicts({ folder: repo.root, model }), 'ta', 'tb');
    assert.deepEqual(found?.verdict.status === 'conflict' && found.verdict.files, [
      { path: 'gone.txt', hunks: 0, kinds: ['modify/delete'] },
    ]);
    assert.deepEqual(conflictedPaths(found), repo.realConflicts('task-a', 'task-b'));
  });

  it('merges only the pairs of a three-way chain that share files', async () => {
    repo = createRadarRepo({ 'x.txt': TEN_LINES, 'y.txt': TEN_LINES });
    repo.branch('task-a', { 'x.txt': withLines({ 1: 'A' }) });
    repo.branch('task-b', { 'x.txt': withLines({ 1: 'B' }), 'y.txt': withLines({ 1: 'B' }) });
    repo.branch('task-c', { 'y.txt': withLines({ 1: 'C' }) });
    const model = await repo.plan({
      ta: { branch: 'task-a' },
      tb: { branch: 'task-b' },
      tc: { branch: 'task-c' },
    });
    const forecast = await forecastConflicts({ folder: repo.root, model });
    assert.deepEqual(
      forecast.pairs.map((p) => `${p.a}-${p.b}`),
      ['ta-tb', 'tb-tc'],
    );
    assert.equal(forecast.disjointPairs, 1, 'ta and tc share nothing');
    assert.deepEqual(
      conflictedPaths(pair(forecast, 'ta', 'tb')),
      repo.realConflicts('task-a', 'task-b'),
    );
    assert.deepEqual(
      conflictedPaths(pair(forecast, 'tb', 'tc')),
      repo.realConflicts('task-b', 'task-c'),
    );
  });

  it('forecasts each branch against a base that moved', async () => {
    repo = createRadarRepo({ 'app.txt': TEN_LINES });
    repo.branch('task-a', { 'app.txt': withLines({ 5: 'A five' }) });
    repo.write('app.txt', withLines({ 5: 'main five' }));
    repo.commit('main moves on');
    const model = await repo.plan({ ta: { branch: 'task-a' } });
    const found = pair(await forecastConflicts({ folder: repo.root, model }), 'main', 'ta');
    assert.deepEqual(conflictedPaths(found), repo.realConflicts('main', 'task-a'));
    assert.deepEqual(conflictedPaths(found), ['app.txt']);
  });

  it('counts uncommitted work in a worktree without touching its index or the object store', async () => {
    repo = createRadarRepo({ 'work.txt': TEN_LINES });
    repo.branch('task-a', { 'work.txt': withLines({ 1: 'A' }) });
    repo.branch('task-b', { 'other.txt': 'b\n' });
    const worktree = join(repo.parent, 'wt-b');
    repo.git('worktree', 'add', '-q', worktree, 'task-b');
    writeFileSync(join(worktree, 'work.txt'), withLines({ 1: 'B, not committed yet' }));
    writeFileSync(join(worktree, 'untracked.txt'), 'new\n');
    const indexFile = repo
      .git('-C', worktree, 'rev-parse', '--path-format=absolute', '--git-path', 'index')
      .trim();
    const indexBefore = readFileSync(indexFile);
    const objectsBefore = repo.git('count-objects', '-v');
    const statusBefore = repo.git('-C', worktree, 'status', '--porcelain');
    const model = await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });

    const forecast = await forecastConflicts({ folder: repo.root, model });
    const found = pair(forecast, 'ta', 'tb');
    assert.deepEqual(conflictedPaths(found), ['work.txt']);
    assert.equal(forecast.branches.find((b) => b.label === 'tb')?.uncommittedIn, worktree);
    assert.deepEqual(readFileSync(indexFile), indexBefore, "the worktree's index is untouched");
    assert.equal(
      repo.git('count-objects', '-v'),
      objectsBefore,
      'no object written to the repository',
    );
    assert.equal(repo.git('-C', worktree, 'status', '--porcelain'), statusBefore);
    assert.match(repo.git('for-each-ref'), /refs\/heads\/task-b/);
    assert.doesNotMatch(repo.git('for-each-ref'), /coordinator/, 'no ref written');
  });

  it('merges again only the pairs of a branch that moved, from the cache under the git dir', async () => {
    repo = createRadarRepo({ 's.txt': TEN_LINES, 't.txt': TEN_LINES });
    repo.branch('task-a', { 's.txt': withLines({ 1: 'A' }), 't.txt': withLines({ 9: 'A' }) });
    repo.branch('task-b', { 's.txt': withLines({ 1: 'B' }) });
    repo.branch('task-c', { 't.txt': withLines({ 9: 'C' }) });
    const model = await repo.plan({
      ta: { branch: 'task-a' },
      tb: { branch: 'task-b' },
      tc: { branch: 'task-c' },
    });
    const cold = await forecastConflicts({ folder: repo.root, model });
    assert.equal(cold.mergedNow, 2);
    const cacheFile = join(repo.root, '.git', 'coordinator', 'conflicts', 'forecast-cache.json');
    assert.ok(readFileSync(cacheFile, 'utf8').includes('"merges"'));
    const warm = await forecastConflicts({ folder: repo.root, model });
    assert.equal(warm.mergedNow, 0, 'nothing moved');
    assert.deepEqual(warm.pairs, cold.pairs);

    repo.git('checkout', '-q', 'task-c');
    repo.write('t.txt', withLines({ 9: 'A' }));
    repo.commit('task-c takes the same line as task-a');
    repo.git('checkout', '-q', 'main');
    const moved = await forecastConflicts({ folder: repo.root, model });
    assert.equal(moved.mergedNow, 1, 'only the pair with task-c is merged again');
    assert.deepEqual(pair(moved, 'ta', 'tc')?.verdict, { status: 'clean', via: 'merge' });
    assert.deepEqual(pair(moved, 'ta', 'tb'), pair(cold, 'ta', 'tb'));
    assert.equal(repo.git('status', '--porcelain'), '', 'the cache is not in the work tree');
  });
});
