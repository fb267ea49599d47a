import { strict as assert } from 'node:assert';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { parseProgressInput } from '../../../src/features/tasks/model/progressInput';
import { taskFileTemplate } from '../../../src/features/common/vscode/session/taskFileTemplate';

describe('task file template and progress input', () => {
  it('creates a valid schema 1.0 file with two tasks, one dependency and one guardrail', () => {
    const loaded = loadTaskFile(taskFileTemplate(new Date('2026-01-02T03:04:05.678Z')));
    assert.equal(loaded.broken, false);
    assert.deepEqual(
      loaded.diagnostics.filter((d) => d.severity !== 'info'),
      [],
    );
    const [first, second] = loaded.model!.tasks;
    assert.equal(loaded.model!.tasks.length, 2);
    assert.deepEqual(loaded.graph!.dependencies.get(second.key), [
      { name: first.key, taskKey: first.key },
    ]);
    assert.equal(loaded.model!.guardrails.length, 1);
    assert.equal(loaded.model!.guardrails[0].dependsOn, first.key);
    assert.equal(loaded.model!.lastUpdated, '2026-01-02T03:04:05Z');
  });

  it('reads "3" and "3/5" and explains anything else', () => {
    assert.deepEqual(parseProgressInput('3', 5), { completed: 3 });
    assert.deepEqual(parseProgressInput(' 2 / 4 ', 5), { completed: 2, total: 4 });
    assert.match(parseProgressInput('6', 5) as string, /At most 5/);
    assert.match(parseProgressInput('1/0', undefined) as string, /at least 1/);
    assert.match(parseProgressInput('half', 5) as string, /completed steps/);
  });
});
