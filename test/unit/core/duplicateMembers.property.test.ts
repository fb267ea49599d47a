import assert from 'node:assert/strict';
import fc from 'fast-check';
import { duplicateMemberProblems } from '../../../src/kernel/model/duplicateMembers';

/** A JSON object written member by member, so a name may repeat; colons in names and strings. */
interface Written {
  text: string;
  /** Names repeated within one object, counted over every object written (lost ones too). */
  duplicates: number;
}

const NAMES = ['a', 'b', 'status', 'x:y', 'c:'];
const STRINGS = ['plain', 'http://host:80', 'a:b:c', '', ':'];

const stringText = (text: string, escapeColons: boolean) => {
  const json = JSON.stringify(text);
  return escapeColons ? json.replace(/:/g, '\\u003a') : json;
};

const written: fc.Arbitrary<Written> = fc.letrec<{ value: Written; object: Written }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom(...STRINGS), fc.boolean())
      .map(([text, escape]) => ({ text: stringText(text, escape), duplicates: 0 })),
    fc.integer().map((n) => ({ text: String(n), duplicates: 0 })),
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => ({
      text: `[${items.map((item) => item.text).join(', ')}]`,
      duplicates: items.reduce((sum, item) => sum + item.duplicates, 0),
    })),
  ),
  object: fc
    .array(fc.tuple(fc.constantFrom(...NAMES), fc.boolean(), tie('value')), { maxLength: 5 })
    .map((members) => ({
      text: `{${members.map(([name, escape, value]) => `${stringText(name, escape)}: ${value.text}`).join(', ')}}`,
      duplicates:
        members.length -
        new Set(members.map(([name]) => name)).size +
        members.reduce((sum, [, , value]) => sum + value.duplicates, 0),
    })),
})).object;

describe('duplicated members, found without walking every token when there are none', () => {
  it('reports exactly the members named twice, whatever colons the names and strings hold', () => {
    fc.assert(
      fc.property(written, ({ text, duplicates }) => {
        const problems = duplicateMemberProblems(text, JSON.parse(text));
        assert.equal(problems.length, duplicates, text);
      }),
      { numRuns: 2000 },
    );
  });
});
