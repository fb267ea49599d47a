import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  isIncluded,
  nestedWorktrees,
  parseIncludePatterns,
  parseLeftRightCount,
  parseStatusV2,
  parseWorktreeListText,
  parseWorktreePorcelain,
} from '../../../src/features/worktrees/model';

describe('worktree output parsing', () => {
  it('reads the real `git worktree list` snapshot, including the worktree nested in the main checkout', () => {
    const entries = parseWorktreeListText(
      readFileSync('test/fixtures/lukhas/worktrees_20251016T053229.txt', 'utf8'),
    );
    assert.equal(entries.length, 5);
    assert.deepEqual(
      entries.map((entry) => [entry.branch, entry.head, entry.main]),
      [
        ['fix/lukhas-e402-noqa', 'de19b187c', true],
        ['chore/claude/coordination-dashboard', '5a7244647', false],
        ['chore/ruff-sweep-safe-20251014T180317Z', '0b64fa5f3', false],
        ['phase2-import-codemod-fresh', 'c4ebe2c36', false],
        ['docs/cc/rc-dx-polish', 'c4ebe2c36', false],
      ],
    );
    const nested = nestedWorktrees(entries);
    assert.equal(nested.size, 1);
    assert.equal(
      nested.get('/Users/agi_dev/LOCAL-REPOS/Lukhas/Lukhas-cc-dxrc'),
      '/Users/agi_dev/LOCAL-REPOS/Lukhas',
    );
  });

  it('reads the human form with spaces in paths, detached and locked entries', () => {
    const entries = parseWorktreeListText(
      '/a b/repo  1234abc [main]\n/a b/x y  5678def (detached HEAD) locked\n/bare.git  (bare)\n',
    );
    assert.equal(entries[0]?.path, '/a b/repo');
    assert.equal(entries[1]?.path, '/a b/x y');
    assert.equal(entries[1]?.detached, true);
    assert.equal(entries[1]?.locked, true);
    assert.equal(entries[2]?.bare, true);
  });

  it('reads porcelain output with and without -z', () => {
    const newline = [
      'worktree /r/main',
      'HEAD 1111',
      'branch refs/heads/main',
      '',
      'worktree /r/x y ü',
      'HEAD 2222',
      'detached',
      'locked on a usb stick',
      '',
      'worktree /r/gone',
      'HEAD 3333',
      'branch refs/heads/feat/a',
      'prunable gitdir file points to non-existent location',
      '',
    ].join('\n');
    const zeroed = newline.replace(/\n/g, '\0');
    for (const text of [newline, zeroed]) {
      const entries = parseWorktreePorcelain(text);
      assert.equal(entries.length, 3);
      assert.deepEqual(entries[0], {
        path: '/r/main',
        head: '1111',
        branch: 'main',
        detached: false,
        bare: false,
        main: true,
      });
      assert.equal(entries[1]?.path, '/r/x y ü');
      assert.equal(entries[1]?.detached, true);
      assert.equal(entries[1]?.locked, 'on a usb stick');
      assert.equal(entries[2]?.branch, 'feat/a');
      assert.ok(entries[2]?.prunable);
    }
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseWorktreePorcelain(text);
        parseWorktreeListText(text);
        parseStatusV2(text);
      }),
    );
  });

  it('counts changes from status --porcelain=v2 --branch', () => {
    const status = parseStatusV2(
      [
        '# branch.oid abcdef',
        '# branch.head feat/x',
        '# branch.upstream origin/feat/x',
        '# branch.ab +2 -3',
        '1 M. N... 100644 100644 100644 aaa bbb staged.txt',
        '1 .M N... 100644 100644 100644 aaa bbb changed.txt',
        '2 R. N... 100644 100644 100644 aaa bbb R100 new.txt\told.txt',
        'u UU N... 100644 100644 100644 100644 a b c both.txt',
        '? new file.txt',
        '! ignored.log',
      ].join('\n'),
    );
    assert.deepEqual(status, {
      oid: 'abcdef',
      branch: 'feat/x',
      upstream: 'origin/feat/x',
      ahead: 2,
      behind: 3,
      staged: 2,
      unstaged: 1,
      untracked: 1,
      conflicted: 1,
      dirtyCount: 5,
    });
    const initial = parseStatusV2('# branch.oid (initial)\n# branch.head (detached)\n');
    assert.equal(initial.oid, undefined);
    assert.equal(initial.branch, undefined);
    assert.deepEqual(parseLeftRightCount('4\t7\n'), { left: 4, right: 7 });
    assert.throws(() => parseLeftRightCount('fatal'));
  });
});

describe('.worktreeinclude patterns', () => {
  const patterns = parseIncludePatterns([
    '# secrets',
    '.env*',
    '!.env.example',
    '/config/local.json',
    'certs/',
    'data/**/*.db',
    '',
  ]);

  it('selects like gitignore: basename at any depth, anchored paths, folders, ** and negation', () => {
    const selected = [
      '.env',
      '.env.local',
      'apps/web/.env.production',
      'config/local.json',
      'certs/',
      'a/certs/key.pem',
      'data/x/y/z.db',
      'data/z.db',
    ];
    const skipped = [
      '.env.example',
      'src/config/local.json',
      'certs',
      'README.md',
      'env',
      'data/z.dbx',
      'node_modules/',
    ];
    for (const path of selected) {
      assert.ok(isIncluded(path, patterns), `expected ${path}`);
    }
    for (const path of skipped) {
      assert.ok(!isIncluded(path, patterns), `did not expect ${path}`);
    }
  });

  it('handles character classes and ? and escapes', () => {
    const classes = parseIncludePatterns(['file[0-9].txt', 'a?c', '\\#hash', 'x[!y]z']);
    assert.ok(isIncluded('file7.txt', classes));
    assert.ok(!isIncluded('fileA.txt', classes));
    assert.ok(isIncluded('abc', classes));
    assert.ok(!isIncluded('a/c', classes));
    assert.ok(isIncluded('#hash', classes));
    assert.ok(isIncluded('xaz', classes));
    assert.ok(!isIncluded('xyz', classes));
  });
});
