import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { applyEdits } from '../../../src/kernel/edits/apply';
import { isTaskEditError } from '../../../src/kernel/edits/errors';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { outlineJson, type OutlineNode } from '../../../src/kernel/model/outline';
import { parseEstimate } from '../../../src/kernel/model/estimate';
import { fixture } from './helpers';

const real = fixture('lukhas', 'task_status.json');

function assertWellFormed(text: string) {
  const loaded = loadTaskFile(text);
  assert.equal(typeof loaded.broken, 'boolean');
  for (const d of loaded.diagnostics) {
    assert.ok(
      d.line >= 1 && d.column >= 1 && d.range.offset >= 0 && d.range.offset <= text.length,
      JSON.stringify(d),
    );
  }
  if (!loaded.broken) {
    assert.ok(loaded.model && loaded.graph && loaded.summary);
  }
}

describe('the reader never throws', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => assertWellFormed(text)),
      { numRuns: 400 },
    );
  });

  it('on any JSON value, and on task files with random task fields', () => {
    fc.assert(
      fc.property(fc.json(), (text) => assertWellFormed(text)),
      { numRuns: 400 },
    );
    const task = fc.dictionary(
      fc.constantFrom(
        'id',
        'name',
        'title',
        'owner',
        'status',
        'priority',
        'estimated_hours',
        'dependencies',
        'progress',
        'blockers',
        'pr_number',
        'files',
      ),
      fc.jsonValue(),
    );
    const doc = fc.record({
      summary: fc.jsonValue(),
      tasks: fc.oneof(fc.dictionary(fc.string(), fc.dictionary(fc.string(), task)), fc.array(task)),
    });
    fc.assert(
      fc.property(doc, fc.integer({ min: 0, max: 4 }), (value, indent) =>
        assertWellFormed(JSON.stringify(value, null, indent)),
      ),
      { numRuns: 300 },
    );
  });

  it('on the real file cut, spliced or with characters replaced', () => {
    fc.assert(
      fc.property(
        fc.nat(real.length),
        fc.nat(real.length),
        fc.string({ maxLength: 5 }),
        (a, b, insert) => {
          const [start, end] = a < b ? [a, b] : [b, a];
          const garbled = real.slice(0, start) + insert + real.slice(end);
          assertWellFormed(garbled);
          try {
            applyEdits(
              garbled,
              [{ kind: 'setStatus', taskKey: 'task1_shadow_diff', status: 'completed' }],
              new Date(),
            );
          } catch (error) {
            assert.ok(isTaskEditError(error), String(error));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('estimates: any text reads as a range with low ≤ hours ≤ high, or not at all', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.double(),
          fc.constantFrom('2-3h', '30min', '1-2h', '1.5 hours', '2 to 3h'),
        ),
        (value) => {
          const estimate = parseEstimate(value);
          if (estimate) {
            assert.ok(estimate.low <= estimate.hours && estimate.hours <= estimate.high);
          }
        },
      ),
    );
  });
});

describe('the outline agrees with jsonc-parser', () => {
  it('on every value near the root of random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 3 }), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const tree = parseTree(text)!;
        const check = (node: OutlineNode, path: (string | number)[]) => {
          const expected = findNodeAtLocation(tree, path);
          if (!expected) {
            return; // duplicate keys cannot occur from JSON.stringify
          }
          assert.deepEqual(
            [node.start, node.end],
            [expected.offset, expected.offset + expected.length],
            JSON.stringify(path),
          );
          node.children?.forEach((child) => check(child, [...path, child.key!]));
        };
        check(outlineJson(text, 3)!, []);
        check(outlineJson(text, 2, { leafKeys: ['a', 'status', ''] })!, []);
      }),
      { numRuns: 300 },
    );
  });
});
