import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { collapseToOneLine, spacesAfterCommas } from '../../../src/kernel/edits/oneLine';
import { applyEdits } from '../../../src/kernel/edits/apply';

describe('a one-line task stays on one line', () => {
  it('collapses line breaks and indentation outside strings only', () => {
    const text = '{\n  "a": "x,\\n  y",\n  "b": [\n    1,\n    2\n  ]\n}';
    assert.equal(collapseToOneLine(text, true), '{"a": "x,\\n  y", "b": [1, 2]}');
    assert.equal(collapseToOneLine(text, false), '{"a": "x,\\n  y","b": [1,2]}');
    assert.equal(spacesAfterCommas('{"a":1,"b":2}'), false);
    assert.equal(spacesAfterCommas('{"a": 1, "b": 2}'), true);
  });

  it('keeps the value of any JSON while putting it on one line', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 2);
        const collapsed = collapseToOneLine(text, true);
        assert.ok(!collapsed.includes('\n'));
        assert.deepEqual(JSON.parse(collapsed), JSON.parse(text));
      }),
    );
  });

  it('adds notes and history to a one-line task inline, and leaves a multi-line task multi-line', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    const oneLine = '{"tasks": {"a": {"name": "A", "status": "todo"}}}\n';
    const edited = applyEdits(
      oneLine,
      [
        { kind: 'appendNote', taskKey: 'a', text: 'first' },
        { kind: 'setTaskField', taskKey: 'a', field: 'files', value: ['src/a.ts', 'src/b.ts'] },
      ],
      now,
    );
    assert.equal(edited.split('\n').length, 2, edited);
    assert.match(edited, /"notes": \["first"\], "files": \["src\/a\.ts", "src\/b\.ts"\]\}/);
    const multi = `${JSON.stringify({ tasks: { a: { name: 'A', status: 'todo' } } }, null, 2)}\n`;
    const editedMulti = applyEdits(multi, [{ kind: 'appendNote', taskKey: 'a', text: 'x' }], now);
    assert.ok(editedMulti.split('\n').length > multi.split('\n').length);
  });
});
