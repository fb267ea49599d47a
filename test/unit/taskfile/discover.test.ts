import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverTaskFile } from '../../../src/platform/taskfile/discover';
import { createTempRepo, type TempRepo } from './gitRepo';

describe('discoverTaskFile (real git)', () => {
  let repo: TempRepo;

  beforeEach(() => {
    repo = createTempRepo();
  });

  afterEach(() => repo.remove());

  it('prefers docs/plans/task_status.json over other task files', async () => {
    repo.write('a/task_status.json', '{}');
    const conventional = repo.write('docs/plans/task_status.json', '{}');
    assert.equal(await discoverTaskFile(repo.main), conventional);
  });

  it('else finds the shallowest task_status.json outside node_modules', async () => {
    repo.write('node_modules/pkg/task_status.json', '{}');
    repo.write('z/deeper/task_status.json', '{}');
    const shallow = repo.write('plans/task_status.json', '{}');
    assert.equal(await discoverTaskFile(repo.main), shallow);
  });

  it('uses the configured path, relative to the folder', async () => {
    const configured = repo.write('coordination/plan/task_status.json', '{}');
    repo.write('docs/plans/task_status.json', '{}');
    assert.equal(
      await discoverTaskFile(repo.main, { configured: 'coordination/plan/task_status.json' }),
      configured,
    );
    assert.equal(await discoverTaskFile(repo.main, { configured: 'missing.json' }), undefined);
  });

  it('from a linked worktree (and a subfolder of it) finds the main worktree’s file', async () => {
    const canonical = repo.write('docs/plans/task_status.json', '{"tasks": {}}');
    repo.git(['add', '--', 'docs/plans/task_status.json']);
    repo.git(['commit', '-q', '-m', 'plan']);
    const worktree = join(repo.base, 'main-codex-task1');
    repo.git(['worktree', 'add', '-q', '-b', 'feat/codex/task1', '--', worktree]);
    assert.equal(await discoverTaskFile(worktree), canonical);
    mkdirSync(join(worktree, 'src'));
    assert.equal(await discoverTaskFile(join(worktree, 'src')), canonical);
  });

  it('skips worktrees nested inside the main checkout when searching', async () => {
    const nested = join(repo.main, 'aaa-nested');
    repo.git(['worktree', 'add', '-q', '-b', 'nested', '--', nested]);
    writeFileSync(join(nested, 'task_status.json'), '{}');
    const own = repo.write('zzz/task_status.json', '{}');
    assert.equal(await discoverTaskFile(repo.main), own);
  });

  it('works outside git and returns undefined when there is nothing', async () => {
    assert.equal(await discoverTaskFile(repo.main), undefined);
    assert.equal(
      await discoverTaskFile(repo.main, { resolveMainRoot: async () => undefined }),
      undefined,
    );
  });
});
