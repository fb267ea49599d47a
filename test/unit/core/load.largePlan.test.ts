import assert from 'node:assert/strict';
import { DUPLICATE_MEMBER_SCAN_LIMIT } from '../../../src/kernel/model/duplicateMembers';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { Task } from '../../../src/kernel/model/types';

/**
 * A plan above the size where every field is searched for duplicates: task keys are then checked
 * through the outline alone, which keeps each group's tasks as spans until they do not line up.
 */
function largePlan(): string {
  const groupText = (name: string, keys: string[]) =>
    `    "${name}": {\n${keys
      .map((key) => `      "${key}": {"name": "Task ${key}", "notes": ["${'n'.repeat(400)}"]}`)
      .join(',\n')}\n    }`;
  const groups: string[] = [];
  for (let g = 0; g < 60; g++) {
    groups.push(
      groupText(
        `group_${g}`,
        Array.from({ length: 50 }, (_, i) => `task_${g}_${i}`),
      ),
    );
  }
  // A key written twice in one group, and a group whose integer-like keys JSON.parse moves first.
  groups.push(groupText('repeated', ['first', 'twice', 'middle', 'twice']));
  groups.push(groupText('numbered', ['b_task', '20', '3']));
  return `{\n  "tasks": {\n${groups.join(',\n')}\n  }\n}\n`;
}

describe('loadTaskFile on a plan too large for the field-by-field duplicate search', () => {
  const text = largePlan();
  const loaded = loadTaskFile(text);
  const model = loaded.model!;
  const objectAt = (task: Task) =>
    JSON.parse(text.slice(task.range!.offset, task.range!.offset + task.range!.length));

  it('is above that size', () => {
    assert.ok(text.length > DUPLICATE_MEMBER_SCAN_LIMIT, `${text.length} characters`);
    assert.equal(model.tasks.length, 60 * 50 + 3 + 3);
  });

  it('reports a task key written twice in one group at its first occurrence, and reads the last', () => {
    const duplicates = loaded.diagnostics.filter((d) => d.code === 'duplicate-key');
    assert.deepEqual(
      duplicates.map((d) => d.message),
      ['duplicate task key "twice": only its last occurrence is read'],
    );
    assert.equal(duplicates[0]!.range.offset, text.indexOf('"twice"'));
    const twice = model.byKey.get('twice')!;
    assert.equal(twice.range!.offset, text.lastIndexOf('"twice": ') + '"twice": '.length);
    assert.deepEqual(objectAt(twice), twice.raw);
    assert.deepEqual(objectAt(model.byKey.get('middle')!), model.byKey.get('middle')!.raw);
  });

  it('places every task at its own object, integer-like keys included', () => {
    for (const task of model.tasks) {
      assert.deepEqual(objectAt(task), task.raw, task.key);
    }
    assert.deepEqual(model.groups.find((group) => group.key === 'numbered')!.taskKeys, [
      '3',
      '20',
      'b_task',
    ]);
  });
});
