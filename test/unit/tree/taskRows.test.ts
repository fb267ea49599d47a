import { strict as assert } from 'node:assert';
import { taskChildren } from '../../../src/features/tasks/model/taskChildren';
import { taskContextValue } from '../../../src/features/tasks/vscode/contextValue';
import { displayStatusOf } from '../../../src/features/tasks/model/displayStatus';
import { buildModel } from './modelBuilder';

describe('core/tree task rows', () => {
  const { model, graph } = buildModel([
    { key: 'task1_shadow_diff', id: 'task1', status: 'completed', branch: 'feat/a', prNumber: 3 },
    { key: 'task3_streaming_rl', id: 'task3' },
    {
      key: 'cc5',
      status: 'waiting',
      dependencies: ['task1_shadow_diff', 'task3', 'prometheus_running'],
      blockers: ['waiting_for_task3'],
      worktreePath: '../Repo-claude-cc5',
    },
  ]);
  const [done, ready, waiting] = model.tasks;

  it('lists task dependencies with their status, external prerequisites and blockers as children', () => {
    const rows = taskChildren(waiting, graph, model.byKey);
    assert.deepEqual(
      rows.map((r) =>
        r.kind === 'dependency'
          ? `${r.kind}:${r.task.key}:${r.status}`
          : r.kind === 'prerequisite'
            ? `${r.kind}:${r.name}`
            : `${r.kind}:${r.text}`,
      ),
      [
        'dependency:task1_shadow_diff:completed',
        'dependency:task3_streaming_rl:ready',
        'prerequisite:prometheus_running',
        'blocker:waiting_for_task3',
      ],
    );
  });

  it('gives a completed task no children', () => {
    const { model: m, graph: g } = buildModel([
      { key: 'x', status: 'completed', dependencies: ['y'], blockers: ['old'] },
    ]);
    assert.deepEqual(taskChildren(m.tasks[0], g, m.byKey), []);
  });

  it('carries menu flags in the context value', () => {
    assert.equal(
      taskContextValue(done, displayStatusOf(done, graph)),
      'task;hasPr;hasBranch;status-completed;',
    );
    assert.equal(
      taskContextValue(ready, displayStatusOf(ready, graph)),
      'task;startable;status-ready;',
    );
    assert.equal(
      taskContextValue(waiting, displayStatusOf(waiting, graph)),
      'task;hasWorktree;hasDependencies;status-waiting;',
    );
  });
});
