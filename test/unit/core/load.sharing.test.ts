import assert from 'node:assert/strict';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { taskJsonPath } from '../../../src/kernel/model/taskJsonPath';

const plan = {
  tasks: {
    core: {
      task_a: { status: 'in_progress', progress: { total_steps: 4, completed_steps: 2 } },
      task_b: {
        dependencies: ['task_a'],
        files: ['src/b.ts'],
        progress: { total_steps: 4, completed_steps: 2 },
      },
    },
    rollout: [{ id: 'task_c', dependencies: ['task_b', 7] }],
  },
};

describe('loadTaskFile: what tasks share with the parsed file and each other', () => {
  const loaded = loadTaskFile(JSON.stringify(plan, null, 2));
  const model = loaded.model!;
  const [a, b, c] = ['task_a', 'task_b', 'task_c'].map((key) => model.byKey.get(key)!);

  it('gives tasks with the same steps one frozen progress', () => {
    assert.deepEqual(a.progress, { totalSteps: 4, completedSteps: 2, percentage: 50 });
    assert.equal(a.progress, b.progress);
    assert.ok(Object.isFrozen(a.progress));
  });

  it('reads a list of strings as the parsed list itself, and copies one it has to convert', () => {
    assert.equal(b.dependencies, b.raw.dependencies);
    assert.equal(b.files, b.raw.files);
    assert.deepEqual(c.dependencies, ['task_b', '7']);
    assert.notEqual(c.dependencies, c.raw.dependencies);
  });

  it('states a path only for a task that is not at tasks.<group>.<key>', () => {
    assert.equal(a.jsonPath, undefined);
    assert.deepEqual(taskJsonPath(a), ['tasks', 'core', 'task_a']);
    assert.deepEqual(taskJsonPath(c), ['tasks', 'rollout', 0]);
    const text = loaded.text;
    const slice = text.slice(b.range!.offset, b.range!.offset + b.range!.length);
    assert.deepEqual(JSON.parse(slice), plan.tasks.core.task_b);
  });
});
