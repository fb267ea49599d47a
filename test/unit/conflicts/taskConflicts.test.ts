import assert from 'node:assert/strict';
import { conflictsOfTask } from '../../../src/features/conflicts/model/taskConflicts';
import type { ConflictForecast } from '../../../src/features/conflicts/model/types';

const FORECAST: ConflictForecast = {
  base: 'main',
  branches: [],
  disjointPairs: 0,
  mergedNow: 0,
  notes: [],
  pairs: [
    {
      a: 'ta',
      b: 'tb',
      overlap: ['x.ts'],
      verdict: { status: 'conflict', files: [{ path: 'x.ts', hunks: 2, kinds: ['content'] }] },
    },
    {
      a: 'tc',
      b: 'ta',
      overlap: ['y.ts'],
      verdict: {
        status: 'conflict',
        files: [{ path: 'y.ts', hunks: 0, kinds: ['modify/delete'] }],
      },
    },
    { a: 'tb', b: 'tc', overlap: ['z.ts'], verdict: { status: 'clean', via: 'merge' } },
  ],
};

describe('a task in the conflict forecast', () => {
  it('names the one other task, or counts them, with a line of files for each', () => {
    assert.deepEqual(conflictsOfTask(FORECAST, 'tb'), {
      description: 'conflicts with ta',
      lines: ['ta: x.ts (2 hunks)'],
    });
    assert.deepEqual(conflictsOfTask(FORECAST, 'ta'), {
      description: 'conflicts with 2 tasks',
      lines: ['tb: x.ts (2 hunks)', 'tc: y.ts (modify/delete)'],
    });
    assert.equal(conflictsOfTask(FORECAST, 'tz'), undefined);
  });
});
