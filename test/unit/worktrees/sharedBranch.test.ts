import assert from 'node:assert/strict';
import { listWorktreesWithStatus, startTaskInWorktree } from '../../../src/features/worktrees';
import { isolateGitConfig } from '../../support/tempRepo';
import { createTaskRepo, type TaskRepo } from './fixtureTasks';

/** Two tasks of one plan on one branch, so in one worktree. */
describe('two tasks sharing one branch (real git)', function () {
  isolateGitConfig();
  let repo: TaskRepo;
  afterEach(() => repo?.dispose());

  const SHARED = 'feat/codex/shadow-diff-harness';

  it('starting the second joins the first one’s worktree and records it as started there', async () => {
    repo = createTaskRepo({
      tasks: {
        task2_golden_tokens: {
          id: 'task2',
          name: 'Golden Token Kit',
          owner: 'Codex',
          status: 'not_started',
          branch: SHARED,
        },
      },
    });
    const now = () => new Date('2026-01-02T03:04:05Z');
    const first = await startTaskInWorktree({
      taskKey: 'task1',
      taskFilePath: repo.taskFilePath,
      store: repo.store,
      now,
    });
    assert.equal(first.outcome, 'created');

    const second = await startTaskInWorktree({
      taskKey: 'task2',
      taskFilePath: repo.taskFilePath,
      store: repo.store,
      now,
    });
    assert.equal(second.outcome, 'adopted', 'it joins the worktree that has its branch');
    assert.ok(
      second.notes.some((note) => note.includes(first.path)),
      `the start says where it joined: ${second.notes.join(' | ')}`,
    );
    assert.equal(second.path, first.path);
    const model = (await repo.store.read()).model!;
    const task2 = model.byKey.get('task2_golden_tokens')!;
    assert.equal(task2.status, 'in_progress');
    assert.equal(task2.worktreePath, model.byKey.get('task1_shadow_diff')!.worktreePath);

    const again = await startTaskInWorktree({
      taskKey: 'task2',
      taskFilePath: repo.taskFilePath,
      store: repo.store,
      now,
    });
    assert.equal(again.outcome, 'existing', 'once recorded there, the worktree is its own too');

    const rows = await listWorktreesWithStatus(repo.root, { model });
    const row = rows.find((info) => info.branch === SHARED)!;
    assert.deepEqual(row.taskKeys, ['task1_shadow_diff', 'task2_golden_tokens']);
    assert.equal(row.taskKey, 'task1_shadow_diff');
  });
});
