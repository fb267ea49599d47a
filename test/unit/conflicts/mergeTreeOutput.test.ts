import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseMergeTreeOutput } from '../../../src/kernel/git/mergeTreeOutput';
import { mergeCommitPairs } from '../../../src/platform/git';
import { createRadarRepo, TEN_LINES, withLines, type RadarRepo } from './radarRepo';

describe('merge-tree output, as this git prints it', function () {
  this.timeout(60_000);
  let repo: RadarRepo;
  const mergeTree = (args: string[], input?: string) =>
    execFileSync('git', ['merge-tree', '--write-tree', '--name-only', '-z', ...args], {
      cwd: repo.root,
      input,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });

  before(() => {
    repo = createRadarRepo({ 'f.txt': TEN_LINES, 'g.txt': TEN_LINES });
    repo.branch('a', { 'f.txt': withLines({ 1: 'A' }), 'g.txt': withLines({ 5: 'A' }) });
    repo.branch('b', { 'f.txt': withLines({ 1: 'B' }), 'g.txt': null });
    repo.branch('c', { 'f.txt': withLines({ 9: 'C' }) });
  });
  after(() => repo.dispose());

  it('reads a batch with a clean merge between conflicted ones', function () {
    let output: string;
    try {
      output = mergeTree(['--stdin'], 'a b\na c\nb a\n');
    } catch {
      this.skip(); // This git cannot batch; the forecast merges pair by pair then.
    }
    const outcomes = parseMergeTreeOutput(output, true);
    assert.deepEqual(
      outcomes.map((o) => [o.clean, o.conflictedPaths, o.conflicts.map((c) => [c.paths, c.type])]),
      [
        [
          false,
          ['f.txt', 'g.txt'],
          [
            [['f.txt'], 'CONFLICT (contents)'],
            [['g.txt'], 'CONFLICT (modify/delete)'],
          ],
        ],
        [true, [], []],
        [
          false,
          ['f.txt', 'g.txt'],
          [
            [['f.txt'], 'CONFLICT (contents)'],
            [['g.txt'], 'CONFLICT (modify/delete)'],
          ],
        ],
      ],
    );
    const tree = outcomes[1]?.tree ?? '';
    assert.equal(repo.git('cat-file', '-t', tree).trim(), 'tree', 'the clean merge names its tree');
  });

  it('reads a single merge, clean or not, with the exit code saying which', () => {
    const clean = parseMergeTreeOutput(mergeTree(['a', 'c']), false, true);
    assert.equal(clean.length, 1);
    assert.deepEqual(clean[0]?.conflictedPaths, []);
    let conflicted = '';
    try {
      mergeTree(['a', 'b']);
    } catch (error) {
      conflicted = (error as { stdout: string }).stdout;
    }
    const [outcome] = parseMergeTreeOutput(conflicted, false, false);
    assert.equal(outcome?.clean, false);
    assert.deepEqual(outcome?.conflictedPaths, ['f.txt', 'g.txt']);
  });

  it('keeps the answers of a batch that git refuses for one unrelated pair, and names that pair', async () => {
    repo.git('checkout', '-q', '--orphan', 'stranger');
    repo.git('rm', '-rqf', '.');
    repo.write('alien.txt', 'x\n');
    repo.commit('unrelated root');
    repo.git('checkout', '-q', 'main');
    const outcomes = await mergeCommitPairs(repo.root, [
      ['a', 'b'],
      ['main', 'stranger'],
      ['a', 'c'],
    ]);
    assert.deepEqual(
      outcomes.map((o) => ('refused' in o ? o.refused : o.clean)),
      [false, 'refusing to merge unrelated histories', true],
    );
  });
});
