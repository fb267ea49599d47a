import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  listWorktreesWithStatus,
  measureWorktreeDiskUsage,
  startTaskInWorktree,
  type WorktreeInfo,
} from '../../../src/features/worktrees';
import { reportAgentState } from '../../../src/features/agents/agentStateStore';
import { statusCachePath } from '../../../src/features/worktrees/statusCacheFile';
import { isolateGitConfig, type TempRepo } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';
import { ageWorktree, repoWithWorktrees, saveByRename } from './listingSupport';

function byPath(rows: readonly WorktreeInfo[], path: string): WorktreeInfo {
  const row = rows.find((info) => info.path === path);
  assert.ok(row, `a row for ${path}`);
  return row;
}

function counts(info: WorktreeInfo) {
  const s = info.status;
  return s && [s.dirtyCount, s.staged, s.unstaged, s.untracked, s.conflicted];
}

describe('worktree listing with a cache (real git)', () => {
  isolateGitConfig();
  let repo: TempRepo | TaskRepo | undefined;
  afterEach(() => repo?.dispose());

  it('warm and cold agree on a modified, a staged, an untracked-only file, a new commit, a removed folder and a hand-made worktree', async () => {
    const made = repoWithWorktrees();
    repo = made.repo;
    const { wt } = made;
    const first = await listWorktreesWithStatus(made.repo.root);
    assert.equal(first.length, 7);
    assert.ok(first.every((row) => row.status?.dirtyCount === 0 && !row.statusCached));
    const warm = await listWorktreesWithStatus(made.repo.root);
    assert.ok(
      warm.every((row) => row.statusCached),
      'nothing changed: every row from the cache',
    );
    assert.deepEqual(warm.map(counts), first.map(counts));

    saveByRename(join(wt.modified as string, 'src/deep/inner/code.ts'), 'export const a = 2;\n');
    writeFileSync(join(wt.staged as string, 'docs/readme.md'), '# staged\n');
    made.repo.git('-C', wt.staged as string, 'add', 'docs/readme.md');
    writeFileSync(join(wt.untracked as string, 'src/deep/inner/new-file.ts'), 'new\n');
    writeFileSync(join(wt.commit as string, 'src/deep/committed.ts'), 'c\n');
    made.repo.git('-C', wt.commit as string, 'add', '-A');
    made.repo.git('-C', wt.commit as string, 'commit', '-q', '-m', 'a new commit');
    writeFileSync(join(wt.hand as string, 'docs', 'hand-note.md'), 'untracked\n');
    rmSync(wt.gone as string, { recursive: true, force: true });

    const after = await listWorktreesWithStatus(made.repo.root);
    const cold = await listWorktreesWithStatus(made.repo.root, { cache: false });
    assert.deepEqual(after.map(counts), cold.map(counts), 'warm answers what cold answers');
    assert.deepEqual(counts(byPath(after, wt.modified as string)), [1, 0, 1, 0, 0]);
    assert.deepEqual(counts(byPath(after, wt.staged as string)), [1, 1, 0, 0, 0]);
    assert.deepEqual(counts(byPath(after, wt.untracked as string)), [1, 0, 0, 1, 0]);
    assert.deepEqual(counts(byPath(after, wt.hand as string)), [1, 0, 0, 1, 0]);
    const committed = byPath(after, wt.commit as string);
    assert.deepEqual(counts(committed), [0, 0, 0, 0, 0]);
    assert.equal(committed.lastCommit?.subject, 'a new commit');
    assert.equal(committed.aheadOfBase, 1);
    assert.equal(committed.behindBase, 0);
    const gone = byPath(after, wt.gone as string);
    assert.ok(gone.prunable);
    assert.equal(gone.status, undefined);
    const hand = byPath(after, wt.hand as string);
    assert.equal(hand.detached, true);
    assert.equal(hand.nestedIn, made.repo.root);
    assert.equal(byPath(after, made.repo.root).status?.dirtyCount, 0, '.claude/ is ignored');
    assert.equal(byPath(after, wt.modified as string).statusCached, undefined);
    assert.equal(byPath(after, made.repo.root).statusCached, true, 'main did not change');

    const again = await listWorktreesWithStatus(made.repo.root);
    assert.deepEqual(again.map(counts), cold.map(counts), 'and so does the next listing');
    const cache = JSON.parse(readFileSync(await statusCachePath(made.repo.root), 'utf8')) as {
      worktrees: Record<string, unknown>;
    };
    assert.equal(
      cache.worktrees[wt.gone as string],
      undefined,
      'a removed worktree leaves the cache',
    );
    assert.ok(cache.worktrees[wt.hand as string]);
  });

  it('notices an untracked file in a folder only the branch has, read as a change against the base', async () => {
    const made = repoWithWorktrees();
    repo = made.repo;
    const path = made.wt.commit as string;
    made.repo.git('-C', path, 'rm', '-q', '-r', 'docs');
    writeFileSync(join(path, 'README.md'), 'x\n');
    made.repo.git('-C', path, 'add', 'README.md');
    made.repo.git('-C', path, 'commit', '-q', '-m', 'drop docs');
    const folder = join(path, 'branch-only', 'sub');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'kept.ts'), 'k\n');
    made.repo.git('-C', path, 'add', '-A');
    made.repo.git('-C', path, 'commit', '-q', '-m', 'a folder only this branch has');
    ageWorktree(path);
    await listWorktreesWithStatus(made.repo.root);
    const settled = byPath(await listWorktreesWithStatus(made.repo.root), path);
    assert.equal(settled.statusCached, true);
    assert.equal(settled.status?.dirtyCount, 0);

    writeFileSync(join(folder, 'untracked.ts'), 'u\n');
    const warm = byPath(await listWorktreesWithStatus(made.repo.root), path);
    assert.equal(warm.statusCached, undefined, 'the new folder is stamped too');
    assert.deepEqual(counts(warm), [1, 0, 0, 1, 0]);
  });

  it('counts ahead/behind against the upstream and the base, and follows both when only refs move', async () => {
    const made = repoWithWorktrees();
    repo = made.repo;
    const remote = join(made.repo.parent, 'origin.git');
    made.repo.git('init', '-q', '--bare', remote);
    made.repo.git('remote', 'add', 'origin', remote);
    made.repo.git('-C', made.wt.commit as string, 'push', '-q', '-u', 'origin', 'feat/commit');
    const before = byPath(await listWorktreesWithStatus(made.repo.root), made.wt.commit as string);
    assert.equal(before.status?.upstream, 'origin/feat/commit');
    assert.equal(before.status?.ahead, 0);

    writeFileSync(join(made.wt.commit as string, 'x.txt'), 'x\n');
    made.repo.git('-C', made.wt.commit as string, 'add', 'x.txt');
    made.repo.git('-C', made.wt.commit as string, 'commit', '-q', '-m', 'ahead of upstream');
    made.repo.write('main-moves.txt', 'm\n');
    made.repo.commit('main moves on');
    const rows = await listWorktreesWithStatus(made.repo.root);
    const row = byPath(rows, made.wt.commit as string);
    assert.equal(row.status?.ahead, 1);
    assert.equal(row.status?.behind, 0);
    assert.equal(row.aheadOfBase, 1);
    assert.equal(row.behindBase, 1);
    const untouched = byPath(rows, made.wt.staged as string);
    assert.equal(untouched.statusCached, true, 'its HEAD, index and folders did not move');
    assert.equal(untouched.behindBase, 1, 'but the base did, so its counts are new');
  });

  it('reads again what the cache cannot vouch for: a file saved in place, an old answer, a working agent, a corrupt cache', async () => {
    const task = createTaskRepo();
    repo = task;
    const started = await startTaskInWorktree({
      taskKey: 'task1',
      taskFilePath: task.taskFilePath,
      store: task.store,
    });
    ageWorktree(task.root);
    ageWorktree(started.path);
    const model = (await task.store.read()).model;
    await listWorktreesWithStatus(task.root, { model });
    const path = started.path;
    const row = async (options = {}) =>
      byPath(await listWorktreesWithStatus(task.root, { model, ...options }), path);
    assert.equal((await row()).statusCached, true);

    // Written in place: no folder or index time moves.
    writeFileSync(join(path, 'src', 'app.ts'), 'export const app = 2;\n');
    assert.equal((await row({ recheck: [path] })).status?.dirtyCount, 1, 'a saved file');
    assert.equal((await row({ maxAgeMs: 0 })).status?.dirtyCount, 1, 'an old answer');
    assert.equal((await row({ fresh: true })).status?.dirtyCount, 1, 'a fresh listing');

    await reportAgentState(task.root, {
      task: 'task1_shadow_diff',
      state: 'working',
      agent: 'codex',
    });
    const working = await row();
    assert.equal(working.agent?.state, 'working');
    assert.equal(working.agent?.agent, 'codex');
    assert.equal(working.statusCached, undefined, 'a working agent is always read again');
    assert.ok(
      (working.lastActivity ?? 0) >= Math.floor(Date.parse(working.agent?.at ?? '') / 1000),
      'the agent report counts as activity',
    );

    writeFileSync(await statusCachePath(task.root), '{"version": 1, "worktr');
    const afterCorrupt = await row();
    assert.equal(afterCorrupt.statusCached, undefined);
    assert.equal(afterCorrupt.status?.dirtyCount, 1);
    const rewritten = JSON.parse(readFileSync(await statusCachePath(task.root), 'utf8')) as {
      version: number;
    };
    assert.equal(rewritten.version, 1, 'a corrupt cache is replaced by a good one');
  });

  it('hands each row over as it completes, and keeps no cache when asked not to', async () => {
    const made = repoWithWorktrees();
    repo = made.repo;
    const seen: string[] = [];
    let resolved = false;
    const rows = await listWorktreesWithStatus(made.repo.root, {
      cache: false,
      concurrency: 2,
      onRow: (info) => {
        assert.equal(resolved, false);
        seen.push(info.path);
      },
    }).finally(() => (resolved = true));
    assert.deepEqual([...seen].sort(), rows.map((row) => row.path).sort());
    assert.equal(existsSync(await statusCachePath(made.repo.root)), false);
  });

  it('measures disk usage in the background, once per change, hard links once, and stops when cancelled', async () => {
    const made = repoWithWorktrees();
    repo = made.repo;
    const big = join(made.wt.modified as string, 'big.bin');
    writeFileSync(big, Buffer.alloc(512 * 1024, 1));
    linkSync(big, join(made.wt.modified as string, 'big-link.bin'));
    const rows = await listWorktreesWithStatus(made.repo.root);
    const measured = await measureWorktreeDiskUsage(made.repo.root, rows);
    const live = rows.filter((row) => !row.prunable);
    assert.equal(measured.size, live.length);
    const modified = measured.get(made.wt.modified as string)?.bytes ?? 0;
    const staged = measured.get(made.wt.staged as string)?.bytes ?? 0;
    assert.ok(modified - staged >= 512 * 1024, 'the big file is counted');
    assert.ok(modified - staged < 2 * 512 * 1024, 'its hard link is not counted twice');

    const listed = await listWorktreesWithStatus(made.repo.root);
    assert.equal(byPath(listed, made.wt.modified as string).diskUsage?.bytes, modified);
    assert.equal((await measureWorktreeDiskUsage(made.repo.root, listed)).size, 0, 'all cached');
    writeFileSync(join(made.wt.staged as string, 'more.bin'), Buffer.alloc(64 * 1024, 1));
    const relisted = await listWorktreesWithStatus(made.repo.root);
    const remeasured = await measureWorktreeDiskUsage(made.repo.root, relisted);
    assert.deepEqual([...remeasured.keys()], [made.wt.staged], 'only the changed worktree');

    const cancel = new AbortController();
    const before = Date.now();
    await assert.rejects(
      measureWorktreeDiskUsage(made.repo.root, relisted, {
        fresh: true,
        concurrency: 1,
        signal: cancel.signal,
        onMeasured: () => cancel.abort(),
      }),
      (error: Error) => error.name === 'AbortError',
    );
    const kept = JSON.parse(readFileSync(await statusCachePath(made.repo.root), 'utf8')) as {
      worktrees: Record<string, { disk?: { measuredAt: number } }>;
    };
    const fresh = Object.values(kept.worktrees).filter(
      (entry) => (entry.disk?.measuredAt ?? 0) >= before,
    );
    assert.equal(fresh.length, 1, 'the measure finished before the cancel is kept');
  });
});
