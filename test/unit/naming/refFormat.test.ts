import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  branchNameProblem,
  isValidBranchName,
  sanitizeBranchName,
  slugify,
  taskBranchName,
} from '../../../src/features/worktrees/model/naming';
import { gitAcceptsBranchName } from '../../../src/platform/git';
import { createTempRepo, isolateGitConfig, type TempRepo } from '../../support/tempRepo';

/** Characters that exercise every rule of check-ref-format, plus unicode and spaces. */
const TRICKY = [
  'a',
  'b',
  'Z',
  '0',
  '-',
  '.',
  '/',
  '@',
  '{',
  '}',
  ' ',
  '~',
  '^',
  ':',
  '?',
  '*',
  '[',
  '\\',
  '\t',
  'é',
  'ß',
  '日',
  '😀',
  '.lock',
  '..',
  '@{',
  '\u007f',
];
const trickyText = fc
  .array(fc.constantFrom(...TRICKY), { maxLength: 14 })
  .map((parts) => parts.join(''));
/** `check-ref-format --branch` expands these to the current branch and then accepts them; we never create them. */
const EXPANDED_BY_GIT = new Set(['@', 'HEAD']);
const anyText = fc.oneof(
  trickyText,
  fc.string({ unit: 'binary', maxLength: 30 }).map((text) => text.replace(/\0/g, '')),
);

describe('branch name rules', function () {
  // The properties ask git about each of 150 names, one process each.
  this.timeout(120_000);
  isolateGitConfig();
  let repo: TempRepo;
  before(() => {
    repo = createTempRepo();
  });
  after(() => repo.dispose());

  it('refuses the classic bad names with a reason', () => {
    for (const name of [
      '',
      '-x',
      'a..b',
      'a b',
      'a@{b',
      'x.lock',
      'a/.b',
      'a//b',
      '/a',
      'a/',
      'a.',
      'HEAD',
      '@',
      'a~1',
      'a:b',
      'a\\b',
    ]) {
      assert.ok(branchNameProblem(name), `expected "${name}" to be refused`);
    }
    assert.equal(branchNameProblem('feat/codex/shadow-diff-harness'), undefined);
    assert.equal(branchNameProblem('fix/codex/E402-batch1'), undefined);
    assert.equal(branchNameProblem('docs/ü/日本'), undefined);
  });

  it('agrees with git check-ref-format --branch on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (name) => {
        if (EXPANDED_BY_GIT.has(name)) {
          assert.equal(isValidBranchName(name), false, `${JSON.stringify(name)} must be refused`);
          return;
        }
        const gitSays = await gitAcceptsBranchName(repo.root, name);
        assert.equal(
          isValidBranchName(name),
          gitSays,
          `core and git disagree on ${JSON.stringify(name)}`,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('sanitises any text into a name git accepts', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const name = sanitizeBranchName(text);
        assert.equal(
          branchNameProblem(name),
          undefined,
          `${JSON.stringify(text)} → ${JSON.stringify(name)}`,
        );
        assert.ok(
          await gitAcceptsBranchName(repo.root, name),
          `git refuses ${JSON.stringify(name)}`,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('slugs are lowercase ascii words joined by single dashes', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 4, max: 60 }), (text, max) => {
        const slug = slugify(text, max);
        assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(slug.length <= Math.max(max, 'task'.length));
      }),
    );
    assert.equal(slugify('Crème brûlée: the "best" -- recipe!'), 'creme-brulee-the-best-recipe');
    assert.equal(slugify('日本語'), 'task');
  });

  it('branches made from any task name and owner pass git check-ref-format', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (name, owner, template) => {
        const task = { key: 'k', id: 'k', name, owner, owners: owner ? [owner] : [], group: 'g' };
        const branch = taskBranchName(
          task,
          `${template}/\${type}/\${agent}/\${slug}`.replace(/\$\{(?!type|agent|slug)/g, '$-'),
        );
        assert.ok(isValidBranchName(branch), branch);
        assert.ok(
          await gitAcceptsBranchName(repo.root, branch),
          `git refuses ${JSON.stringify(branch)}`,
        );
      }),
      { numRuns: 100 },
    );
  });
});
