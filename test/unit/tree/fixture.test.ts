import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTaskFile } from '../../../src/kernel/model/load';
import { buildTaskGroups, countBlocked } from '../../../src/features/tasks/model/buildTree';
import { NO_FILTERS } from '../../../src/features/tasks/model/filters';
import { taskChildren } from '../../../src/features/tasks/model/taskChildren';
import { taskDescription } from '../../../src/features/tasks/model/text';

const text = readFileSync(
  path.resolve(__dirname, '../../fixtures/lukhas/task_status.json'),
  'utf8',
);
type RawTask = { status: string; dependencies: string[]; owner: string };
const raw = JSON.parse(text) as { tasks: Record<string, Record<string, RawTask>> };

describe('core/tree on the real lukhas task file', () => {
  const loaded = loadTaskFile(text);
  const model = loaded.model!;
  const groups = buildTaskGroups(model, loaded.graph, {
    groupBy: 'group',
    sortBy: 'file',
    filters: { ...NO_FILTERS },
    me: '',
  });

  it('shows the file groups in order with every task in file order', () => {
    assert.deepEqual(
      groups.map((g) => [g.key, g.tasks.map((t) => t.key)]),
      Object.entries(raw.tasks).map(([group, tasks]) => [group, Object.keys(tasks)]),
    );
    assert.deepEqual(
      groups.map((g) => g.label),
      ['Top 5', 'Quick wins', 'Hygiene', 'Claude code'],
    );
    assert.equal(groups[1].tooltip, 'Quick wins (quick_wins): 0 of 8 tasks completed');
    const done = (tasks: Record<string, RawTask>) =>
      Object.values(tasks).filter((t) => t.status === 'completed').length;
    assert.deepEqual(
      groups.map((g) => g.description),
      Object.values(raw.tasks).map((tasks) => `${done(tasks)}/${Object.keys(tasks).length}`),
    );
  });

  it('hangs the claude_code reviews under the tasks they wait for', () => {
    const claude = groups.find((g) => g.key === 'claude_code')!;
    for (const task of claude.tasks.filter(
      (t) => raw.tasks.claude_code[t.key].status === 'waiting',
    )) {
      const rows = taskChildren(task, loaded.graph, model.byKey);
      const waitedFor = rows.flatMap((r) =>
        r.kind === 'dependency' ? [r.task.key] : r.kind === 'prerequisite' ? [r.name] : [],
      );
      assert.deepEqual(waitedFor, raw.tasks.claude_code[task.key].dependencies, task.key);
    }
    const cc3 = taskChildren(model.byKey.get('cc3_circuit_review')!, loaded.graph, model.byKey);
    assert.deepEqual(
      cc3.map((r) => r.kind),
      ['dependency', 'blocker'],
    );
  });

  it("shows task5's external prerequisite as such", () => {
    const rows = taskChildren(model.byKey.get('task5_soak_sentinel')!, loaded.graph, model.byKey);
    assert.deepEqual(rows, [{ kind: 'prerequisite', name: 'prometheus_running' }]);
  });

  it('counts the waiting tasks in the badge and describes tasks from their fields', () => {
    const waiting = Object.values(raw.tasks)
      .flatMap((tasks) => Object.values(tasks))
      .filter((t) => ['waiting', 'blocked'].includes(t.status));
    assert.equal(countBlocked(model, loaded.graph), waiting.length);
    assert.equal(
      taskDescription(model.byKey.get('task2_golden_tokens')!),
      '0/6 · Codex + Copilot · 2h',
    );
  });
});
