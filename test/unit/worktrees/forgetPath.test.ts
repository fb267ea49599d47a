import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { forgetWorktreeEdits, tasksRecordingWorktree } from '../../../src/features/worktrees';

function model(tasks: Record<string, Record<string, unknown>>) {
  return loadTaskFile(JSON.stringify({ tasks: { g: tasks } })).model!;
}

describe('forgetting a removed worktree in the task file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'forget-path-'));
    mkdirSync(join(dir, 'Repo'));
    mkdirSync(join(dir, 'Repo-codex-a'));
    symlinkSync(join(dir, 'Repo-codex-a'), join(dir, 'link-to-a'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the tasks recording the folder, by relative path, absolute path or a symlink to it', () => {
    const before = model({
      a: { id: 'a', name: 'A', status: 'in_progress', worktree_path: '../Repo-codex-a' },
      b: { id: 'b', name: 'B', status: 'in_progress', worktree: join(dir, 'link-to-a') },
      c: { id: 'c', name: 'C', status: 'in_progress', worktree_path: '../Repo-codex-c' },
    });
    const recorded = tasksRecordingWorktree(before, join(dir, 'Repo'), join(dir, 'Repo-codex-a'));
    assert.deepEqual(recorded, [
      { taskKey: 'a', recorded: '../Repo-codex-a' },
      { taskKey: 'b', recorded: join(dir, 'link-to-a') },
    ]);
  });

  it('removes every spelling of the field, and leaves a task that recorded another path since', () => {
    const recorded = [
      { taskKey: 'a', recorded: '../Repo-codex-a' },
      { taskKey: 'b', recorded: '../Repo-codex-a' },
    ];
    const now = model({
      a: {
        id: 'a',
        name: 'A',
        status: 'in_progress',
        worktree_path: '../Repo-codex-a',
        worktree: '../Repo-codex-a',
      },
      b: { id: 'b', name: 'B', status: 'in_progress', worktree_path: '../Repo-codex-b2' },
    });
    assert.deepEqual(forgetWorktreeEdits(now, recorded), [
      { kind: 'setTaskField', taskKey: 'a', field: 'worktree_path', value: undefined },
      { kind: 'setTaskField', taskKey: 'a', field: 'worktree', value: undefined },
    ]);
  });
});
