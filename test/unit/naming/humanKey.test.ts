import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { humanizeKey } from '../../../src/features/tasks/model/humanKey';

describe('keys as words', () => {
  it('turns group and blocker keys into words, keeping names as written', () => {
    const cases: [string, string][] = [
      ['quick_wins', 'Quick wins'],
      ['waiting_for_taskB', 'Waiting for taskB'],
      ['top5', 'Top 5'],
      ['claude_code', 'Claude code'],
      ['hygiene', 'Hygiene'],
      ['multiple-prs-merged', 'Multiple prs merged'],
      ['MATRIZ_ready', 'MATRIZ ready'],
      ['e402-1', 'E402 1'],
      ['Waiting for review', 'Waiting for review'],
      ['', ''],
      ['__', '__'],
    ];
    assert.deepEqual(
      cases.map(([key]) => [key, humanizeKey(key)]),
      cases,
    );
  });

  it('keeps every letter and digit of the key, in order', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\w.-]{1,30}$/), (key) => {
        const letters = (text: string) => text.replace(/[^A-Za-z0-9.]/g, '').toLowerCase();
        assert.equal(letters(humanizeKey(key)), letters(key));
      }),
    );
  });
});
