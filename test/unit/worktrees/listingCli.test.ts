import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolateGitConfig, type TempRepo } from '../../support/tempRepo';
import { coord } from '../cli/runCoord';
import { repoWithWorktrees } from './listingSupport';

interface ListedRow {
  path: string;
  status?: { dirtyCount: number; untracked: number };
  statusCached?: boolean;
  lastActivity?: number;
  diskUsage?: { bytes: number; measuredAt: number };
  prunable?: string;
}

describe('coord worktrees list (real CLI, real git)', () => {
  isolateGitConfig();
  let repo: TempRepo | undefined;
  afterEach(() => repo?.dispose());

  it('prints every worktree with changes, activity and, on request, disk; --json carries the same fields', async () => {
    const made = repoWithWorktrees();
    repo = made.repo;
    writeFileSync(join(made.wt.untracked as string, 'src', 'deep', 'only-new.ts'), 'x\n');

    const text = await coord(['worktrees', 'list'], made.repo.root);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trim().split('\n');
    assert.equal(lines.length, 7);
    const line = (path: string) => lines.find((l) => l.startsWith(`${path}  `)) ?? '';
    assert.match(line(made.wt.untracked as string), / {2}1 changed {2}.*active \S+ ago/);
    assert.match(line(made.wt.staged as string), / {2}clean {2}\+0\/-0 vs base {2}last commit/);
    assert.doesNotMatch(text.stdout, /disk /, 'disk usage is not measured unless asked');

    const withDisk = await coord(['worktrees', 'list', '--disk'], made.repo.root);
    assert.equal(withDisk.code, 0, withDisk.stderr);
    for (const l of withDisk.stdout.trim().split('\n')) {
      assert.match(l, / {2}disk \d+(\.\d)? (KB|MB)/, l);
    }

    const json = await coord(['worktrees', 'list', '--json'], made.repo.root);
    assert.equal(json.code, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as ListedRow[];
    assert.equal(rows.length, 7);
    const untracked = rows.find((row) => row.path === made.wt.untracked);
    assert.equal(untracked?.status?.untracked, 1);
    for (const row of rows) {
      assert.ok((row.diskUsage?.bytes ?? 0) > 0, `${row.path} keeps its measured disk usage`);
      assert.ok((row.lastActivity ?? 0) > 1_600_000_000, `${row.path} has a last activity`);
    }
    assert.ok(
      rows.filter((row) => row.statusCached).length >= 5,
      'a second run of the CLI reads the cache the first one left',
    );

    const bad = await coord(['worktrees', 'list', '--base', 'no-such-branch'], made.repo.root);
    assert.equal(bad.code, 0, bad.stderr);
    assert.doesNotMatch(
      bad.stdout,
      /vs base/,
      'an unknown base gives no counts rather than a trace',
    );
  });
});
