import assert from 'node:assert/strict';
import {
  branchRefusal,
  BranchRefusedError,
  type BranchFacts,
} from '../../../src/features/worktrees/model/naming';

const facts = (extra: Partial<BranchFacts>): BranchFacts => ({
  taskKey: 'task1',
  branch: 'feat/codex/x',
  mainRoot: '/repo',
  mainCheckoutBranch: 'main',
  baseBranch: 'main',
  remoteTrackingRefExists: false,
  tagExists: false,
  ...extra,
});

describe('branch names a task may not use', () => {
  it('accepts a branch of its own', () => {
    assert.equal(branchRefusal(facts({})), undefined);
  });

  for (const [label, extra, code] of [
    ['a full ref name', { branch: 'refs/heads/main' }, 'fullRefName'],
    [
      'the main checkout branch',
      { branch: 'develop', mainCheckoutBranch: 'develop' },
      'mainCheckoutBranch',
    ],
    ['the base branch', { branch: 'release', baseBranch: 'release' }, 'baseBranch'],
    [
      'a remote-tracking name',
      { branch: 'origin/main', remoteTrackingRefExists: true },
      'remoteTrackingName',
    ],
    ['a tag name', { branch: 'v1.0', tagExists: true }, 'tagName'],
  ] as const) {
    it(`refuses ${label} with code ${code} and the reason`, () => {
      const refusal = branchRefusal(facts(extra));
      assert.ok(BranchRefusedError.refused(refusal, code), String(refusal));
      assert.match(refusal.message, new RegExp(`^Task task1 has branch "${extra.branch}"`));
    });
  }

  it('names the main checkout when the base branch is also checked out there', () => {
    const refusal = branchRefusal(facts({ branch: 'main' }));
    assert.ok(BranchRefusedError.refused(refusal, 'mainCheckoutBranch'));
    assert.match(refusal.message, /main worktree \(\/repo\)/);
  });
});
