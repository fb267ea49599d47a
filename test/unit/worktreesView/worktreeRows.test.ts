import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listWorktreesWithStatus, startTaskInWorktree } from '../../../src/features/worktrees';
import { clipLines, removalDetails } from '../../../src/features/worktrees/vscode/removalDetails';
import {
  ageText,
  worktreeContextValue,
  worktreeDescription,
  worktreeLabel,
  worktreeState,
  worktreeTooltipLines,
} from '../../../src/features/worktrees/vscode/worktreeRows';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from '../worktrees/fixtureTasks';

describe('Worktrees view rows (real git)', () => {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  it('describes the main and a dirty task worktree with branch, dirty count, ahead/behind and flags', async () => {
    repo = createTaskRepo();
    const started = await startTaskInWorktree({
      taskKey: 'task1',
      taskFilePath: repo.taskFilePath,
      store: repo.store,
    });
    writeFileSync(join(started.path, 'a.txt'), 'a\n');
    repo.git('-C', started.path, 'add', 'a.txt');
    repo.git('-C', started.path, 'commit', '-q', '-m', 'first change');
    writeFileSync(join(started.path, 'untracked.txt'), 'x\n');
    const model = (await repo.store.read()).model;
    const list = await listWorktreesWithStatus(repo.root, { model });
    const main = list.find((info) => info.main);
    const task = list.find((info) => info.path === started.path);
    assert.ok(main && task);
    const now = (task.lastCommit?.time ?? 0) + 2 * 3600;

    assert.equal(worktreeLabel(task), started.path.split('/').pop());
    assert.equal(worktreeState(task), 'dirty');
    assert.equal(
      worktreeDescription(task, now, false),
      `${started.branch} · dirty ${task.status?.dirtyCount} · ↑1 ↓0 · 2h ago`,
    );
    assert.equal(
      worktreeDescription({ ...task, status: undefined }, now, true),
      `${started.branch} · …`,
    );
    assert.equal(worktreeContextValue(task), 'worktree;linked;removable;hasTask;dirty;onDisk;');
    assert.match(worktreeContextValue(main), /^worktree;main;/);
    assert.doesNotMatch(worktreeContextValue(main), /;removable;/);

    const tooltip = worktreeTooltipLines(task, 'Shadow-Diff Harness', 'main', now);
    assert.ok(tooltip.includes(`Path: ${started.path}`));
    assert.ok(tooltip.includes(`Branch: ${started.branch}`));
    assert.ok(tooltip.includes('Task: Shadow-Diff Harness (task1_shadow_diff)'));
    assert.ok(tooltip.includes('Against main: 1 ahead, 0 behind'));
    assert.ok(tooltip.some((line) => line.startsWith('Last commit: first change')));

    const details = await removalDetails(started.path, 'main');
    assert.ok(
      details.changed.some((line) => line.endsWith('untracked.txt')),
      details.changed.join('\n'),
    );
    assert.equal(details.unpushed.length, 1);
    assert.match(details.unpushed[0] ?? '', /^[0-9a-f]{7,} first change$/);
  });

  it('marks locked and prunable entries, which never count as on disk when gone', () => {
    const base = {
      path: '/r/wt',
      head: 'a'.repeat(40),
      branch: 'feat/x',
      detached: false,
      bare: false,
      main: false,
    };
    assert.equal(worktreeState({ ...base, locked: 'in use' }), 'locked');
    assert.equal(
      worktreeState({ ...base, prunable: 'gitdir file points to non-existent location' }),
      'prunable',
    );
    assert.equal(
      worktreeContextValue({ ...base, prunable: 'gone' }),
      'worktree;linked;removable;prunable;',
    );
    assert.equal(worktreeDescription({ ...base, prunable: 'gone' }, 0, true), 'feat/x · prunable');
    assert.equal(
      worktreeDescription({ ...base, branch: undefined, detached: true }, 0, false),
      'detached aaaaaaa',
    );
  });

  it('reads ages in the largest whole unit and clips long lists', () => {
    assert.deepEqual([30, 90, 7200, 3 * 86400, 15 * 86400, 400 * 86400].map(ageText), [
      'just now',
      '1min ago',
      '2h ago',
      '3d ago',
      '2w ago',
      '1y ago',
    ]);
    assert.deepEqual(clipLines(['a', 'b', 'c'], 2), ['a', 'b', '… and 1 more']);
  });
});
