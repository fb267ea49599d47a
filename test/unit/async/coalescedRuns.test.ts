import assert from 'node:assert/strict';
import { mock } from 'node:test';
import { CoalescedRuns } from '../../../src/kernel/async/coalescedRuns';

const TIMING = { settleMs: 200, minGapMs: 1000 };

/** A run that stays under way until the test ends it, recording when each started. */
function recorder() {
  const starts: number[] = [];
  const ends: Array<() => void> = [];
  const run = () =>
    new Promise<void>((resolve) => {
      starts.push(Date.now());
      ends.push(resolve);
    });
  return { starts, ends, run };
}

/** Lets the promise callbacks of a finished run go through. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CoalescedRuns', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 10_000 }));
  afterEach(() => mock.timers.reset());

  it('runs once, settleMs after the first of a burst of requests', () => {
    const { starts, run } = recorder();
    const runs = new CoalescedRuns<string>(run, TIMING);
    runs.request('a');
    mock.timers.tick(150);
    runs.request('a');
    runs.request('a');
    mock.timers.tick(49);
    assert.deepEqual(starts, []);
    mock.timers.tick(1);
    assert.deepEqual(starts, [10_200]);
  });

  it('is not pushed back by a steady stream of requests', () => {
    const { starts, run } = recorder();
    const runs = new CoalescedRuns<string>(run, TIMING);
    for (let step = 0; step < 4; step++) {
      runs.request('a');
      mock.timers.tick(50);
    }
    assert.deepEqual(starts, [10_200]);
  });

  it('runs once more after a run that was asked for again, no sooner than minGapMs after its start', async () => {
    const { starts, ends, run } = recorder();
    const runs = new CoalescedRuns<string>(run, TIMING);
    runs.request('a');
    mock.timers.tick(200);
    runs.request('a');
    runs.request('a');
    mock.timers.tick(300);
    ends[0]();
    await settle();
    assert.equal(runs.busy('a'), true);
    mock.timers.tick(699);
    assert.equal(starts.length, 1);
    mock.timers.tick(1);
    assert.deepEqual(starts, [10_200, 11_200]);
    ends[1]();
    await settle();
    assert.equal(runs.busy('a'), false);
  });

  it('keeps keys apart and runs nothing after dispose', () => {
    const { starts, run } = recorder();
    const runs = new CoalescedRuns<string>(run, TIMING);
    runs.request('a');
    runs.request('b');
    mock.timers.tick(200);
    assert.equal(starts.length, 2);
    runs.request('c');
    runs.dispose();
    runs.request('d');
    mock.timers.tick(5_000);
    assert.equal(starts.length, 2);
  });
});
