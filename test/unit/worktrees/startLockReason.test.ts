import assert from 'node:assert/strict';
import {
  parseStartLockReason,
  startLockReason,
} from '../../../src/features/worktrees/model/startLockReason';

describe('the lock reason of a start in progress', () => {
  it('round-trips pid, host and nonce, even with odd host names', () => {
    for (const host of ['box', 'my host (lab)', 'a.b-c']) {
      const owner = { pid: 4242, host, nonce: '0a1b2c' };
      assert.deepEqual(parseStartLockReason(startLockReason(owner)), owner);
    }
  });

  it('ignores any other lock', () => {
    assert.equal(parseStartLockReason(true), undefined);
    assert.equal(parseStartLockReason(undefined), undefined);
    assert.equal(parseStartLockReason('initializing'), undefined);
    assert.equal(parseStartLockReason('on a USB disk'), undefined);
  });
});
