import assert from 'node:assert/strict';
import { join } from 'node:path';
import { coord } from '../cli/runCoord';
import { createRadarRepo, TEN_LINES, withLines, type RadarRepo } from './radarRepo';

describe('coord conflicts (real processes, real git)', function () {
  this.timeout(60_000);
  let repo: RadarRepo;
  const planFile = () => join(repo.parent, 'task_status.json');
  afterEach(() => repo?.dispose());

  it('prints the conflicting pair and its files and exits 1; --json says the same', async () => {
    repo = createRadarRepo({ 'shared.txt': TEN_LINES });
    repo.branch('task-a', { 'shared.txt': withLines({ 2: 'A' }) });
    repo.branch('task-b', { 'shared.txt': withLines({ 2: 'B' }) });
    await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const text = await coord(['conflicts', '--file', planFile()], repo.root);
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^CONFLICT ta <> tb: shared\.txt \(1 hunk\)$/m);
    assert.match(text.stdout, /1 pair would conflict\n$/);
    const json = await coord(['conflicts', '--json', '--file', planFile()], repo.root);
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.stdout) as {
      conflicts: boolean;
      base: string;
      pairs: unknown[];
    };
    assert.equal(parsed.conflicts, true);
    assert.equal(parsed.base, 'main');
    assert.equal(parsed.pairs.length, 1);
    const emptyBase = await coord(['conflicts', '--base', '', '--file', planFile()], repo.root);
    assert.equal(emptyBase.code, 1, 'an empty base means the default branch, as in the settings');
    assert.match(emptyBase.stdout, /^base main;/);
  });

  it('exits 0 when nothing collides', async () => {
    repo = createRadarRepo({ 'a.txt': TEN_LINES, 'b.txt': TEN_LINES });
    repo.branch('task-a', { 'a.txt': withLines({ 2: 'A' }) });
    repo.branch('task-b', { 'b.txt': withLines({ 2: 'B' }) });
    await repo.plan({ ta: { branch: 'task-a' }, tb: { branch: 'task-b' } });
    const run = await coord(['conflicts', '--file', planFile()], repo.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /1 clean without a merge/);
    assert.match(run.stdout, /no conflicts forecast\n$/);
  });

  it('says in one line what it left out: a missing branch, unrelated history, a detached worktree', async () => {
    repo = createRadarRepo({ 'a.txt': TEN_LINES });
    repo.branch('task-a', { 'a.txt': withLines({ 2: 'A' }) });
    repo.git('checkout', '-q', '--orphan', 'stranger');
    repo.git('rm', '-rqf', '.');
    repo.write('alien.txt', 'x\n');
    repo.commit('unrelated root');
    repo.git('checkout', '-q', 'main');
    repo.git('worktree', 'add', '-q', '--detach', join(repo.parent, 'detached'), 'main');
    await repo.plan({
      ta: { branch: 'task-a' },
      gone: { branch: 'deleted-branch' },
      alien: { branch: 'stranger' },
    });
    const run = await coord(['conflicts', '--file', planFile()], repo.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^note: gone: branch deleted-branch does not exist: left out$/m);
    assert.match(run.stdout, /^note: alien: stranger shares no history with main: left out$/m);
    assert.match(run.stdout, /^note: worktree .*detached is detached \(no branch\): left out$/m);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('exits 2 with one line for a base branch that does not exist', async () => {
    repo = createRadarRepo({ 'a.txt': TEN_LINES });
    const run = await coord(['conflicts', '--base', 'no-such-branch'], repo.root);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'coord: The base branch "no-such-branch" does not exist.\n');
    const outside = await coord(['conflicts'], repo.parent);
    assert.equal(outside.code, 2);
    assert.equal(outside.stderr, `coord: Not inside a git repository: ${repo.parent}\n`);
  });
});
