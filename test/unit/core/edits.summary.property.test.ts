import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/kernel/edits/apply';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { TASK_STATUSES, type TaskStatus } from '../../../src/kernel/model/types';

const KEYS = ['alpha', 'beta', 'gamma', 'delta', 'task_with_a_long_generated_slug'];
const GROUPS = ['top', 'next', 'later'];
const SPELLINGS = [
  'not_started',
  'In Progress',
  'DONE',
  'waiting',
  'BLOCKED',
  'completed',
  'todo',
  'weird',
  'in_progress',
];
const SUMMARY_FIELDS = [
  'total_tasks',
  'in_progress',
  'completed',
  'not_started',
  'blocked',
  'waiting',
  'completion_percentage',
];

const status = fc.oneof(fc.constantFrom(...SPELLINGS), fc.constant(7), fc.constant(null));
const task = fc.record(
  { name: fc.constantFrom('A task', 'Another'), status, state: status },
  { requiredKeys: ['name'] },
);
const group = fc.dictionary(fc.constantFrom(...KEYS), task, { minKeys: 1 });
const summary = fc.dictionary(fc.constantFrom(...SUMMARY_FIELDS), fc.nat(12));
const file = fc.record({
  last_updated: fc.constant('2025-10-16T05:32:29Z'),
  summary,
  tasks: fc.dictionary(fc.constantFrom(...GROUPS), group, { minKeys: 1 }),
});

/** Repeats one task member in its group, as a hand-edited file may: `JSON.parse` keeps the last. */
function withRepeatedKey(text: string, key: string): string {
  return text.replace(new RegExp(`("${key}": \\{[^{}]*\\})`), '$1,\n    $1');
}

describe('an edit keeps the stored summary as a full recount of the tasks would', () => {
  it('for any file, any stored summary and repeated keys, after any status edit', () => {
    fc.assert(
      fc.property(
        file,
        fc.constantFrom(...KEYS),
        fc.constantFrom(...TASK_STATUSES),
        fc.boolean(),
        (value, key, next: TaskStatus, repeat) => {
          const written = JSON.stringify(value, null, 2);
          const text = repeat ? withRepeatedKey(written, key) : written;
          const before = loadTaskFile(text);
          assert.ok(before.model, 'the generated file reads');
          if (!before.model.byKey.has(key)) {
            assert.throws(
              () =>
                applyEdits(text, [{ kind: 'setStatus', taskKey: key, status: next }], new Date()),
              /no task/,
            );
            return;
          }
          const after = loadTaskFile(
            applyEdits(text, [{ kind: 'setStatus', taskKey: key, status: next }], new Date()),
          );
          assert.equal(after.broken, false);
          assert.equal(
            after.model!.byKey.get(key)!.status,
            next,
            'the edit changed the task the reader reads',
          );
          const drift = after.diagnostics.filter((d) => d.code === 'summary-drift');
          assert.deepEqual(drift, [], 'the stored summary agrees with the tasks after the edit');
          for (const other of before.model.tasks) {
            if (other.key !== key) {
              assert.equal(
                after.model!.byKey.get(other.key)!.status,
                other.status,
                `${other.key} kept its status`,
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the critical path is worked out on first read', () => {
  it('gives the same chain however often it is read, and is part of the graph', () => {
    const text = JSON.stringify({
      tasks: {
        g: {
          a: { name: 'a', status: 'not_started', estimated_hours: 2 },
          b: { name: 'b', status: 'not_started', estimated_hours: 3, dependencies: ['a'] },
          c: { name: 'c', status: 'not_started', estimated_hours: 1, dependencies: ['a'] },
        },
      },
    });
    const graph = loadTaskFile(text).graph!;
    assert.deepEqual(graph.criticalPath, ['a', 'b']);
    assert.equal(graph.criticalPath, graph.criticalPath);
    assert.deepEqual({ ...graph }.criticalPath, ['a', 'b']);
  });
});
