import assert from 'node:assert/strict';
import {
  claimCovers,
  claimedPaths,
  claimsMeet,
  claimsOf,
  overlappingClaims,
} from '../../../src/features/conflicts/model/claims';

describe('declared claims', () => {
  it('reads files and paths, folders as everything under them', () => {
    assert.deepEqual(claimsOf({ files: ['./src/a.ts', 'docs/'], raw: { paths: ['lib/**', 3] } }), [
      'src/a.ts',
      'docs/**',
      'lib/**',
    ]);
  });

  it('matches paths the way the globs say', () => {
    assert.ok(claimCovers('src/**/*.ts', 'src/a/b/c.ts'));
    assert.ok(claimCovers('src/**/*.ts', 'src/c.ts'));
    assert.ok(!claimCovers('src/*.ts', 'src/a/c.ts'));
    assert.ok(claimCovers('src/api', 'src/api/routes.ts'), 'a plain folder covers its files');
    assert.ok(!claimCovers('src/api', 'src/apis.ts'));
    assert.ok(claimCovers('file?.md', 'file1.md'));
    assert.deepEqual(claimedPaths(['src/**'], ['src/a', 'test/a', 'src/b/c']), [
      'src/a',
      'src/b/c',
    ]);
  });

  it('says when two claims can name the same file', () => {
    assert.ok(claimsMeet('src/api/auth.ts', 'src/api/**'));
    assert.ok(claimsMeet('src/**', 'src/ui/*.css'));
    assert.ok(claimsMeet('a.ts', 'a.ts'));
    assert.ok(!claimsMeet('src/ui/**', 'src/api/**'));
    assert.ok(!claimsMeet('src/a.ts', 'src/b.ts'));
    assert.ok(!claimsMeet('src/*.css', 'src/main.ts'));
    assert.deepEqual(overlappingClaims(['a.ts', 'src/x/**'], ['a.ts', 'src/**', 'b.ts']), [
      'a.ts',
      'src/x/** ~ src/**',
    ]);
  });
});
