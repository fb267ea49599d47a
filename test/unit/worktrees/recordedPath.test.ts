import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRecordedWorktree, sameFolder } from '../../../src/features/tasks/recordedPath';

describe('recorded worktree paths', () => {
  let dir: string;

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'coord-recorded-')));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a relative path against the main worktree and keeps an absolute one', () => {
    assert.equal(resolveRecordedWorktree('../repo-wt', join(dir, 'repo')), join(dir, 'repo-wt'));
    assert.equal(resolveRecordedWorktree(join(dir, 'x'), '/elsewhere'), join(dir, 'x'));
  });

  it('counts a trailing separator, a dotted spelling and a symlink as the same folder', () => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    assert.ok(sameFolder(join(dir, 'real'), `${join(dir, 'real')}/`));
    assert.ok(sameFolder(join(dir, 'real'), join(dir, 'other', '..', 'real')));
    assert.ok(sameFolder(join(dir, 'link'), join(dir, 'real')));
    assert.ok(sameFolder(join(dir, 'gone'), `${join(dir, 'gone')}/`));
    assert.ok(!sameFolder(join(dir, 'real'), join(dir, 'gone')));
  });
});
