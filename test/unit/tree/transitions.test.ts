import { strict as assert } from 'node:assert';
import { newlyReadyTasks } from '../../../src/features/tasks/model/transitions';
import { buildModel, type TaskSpec } from './modelBuilder';

const plan = (
  bStatus: TaskSpec['status'],
  aStatus: TaskSpec['status'] = 'completed',
): TaskSpec[] => [
  { key: 'a', status: aStatus },
  { key: 'b', status: bStatus },
  { key: 'cc3', status: 'waiting', dependencies: ['a', 'b', 'prometheus_running'] },
  { key: 'solo', status: 'not_started', dependencies: ['external_only'] },
];

describe('core/tree newlyReadyTasks', () => {
  it('reports a waiting task once its last task dependency completes, naming that dependency', () => {
    const found = newlyReadyTasks(buildModel(plan('in_progress')), buildModel(plan('completed')));
    assert.deepEqual(
      found.map((t) => [t.task.key, t.completedDependency.key]),
      [['cc3', 'b']],
    );
  });

  it('stays quiet while another dependency is unfinished, and when nothing changed', () => {
    assert.deepEqual(
      newlyReadyTasks(
        buildModel(plan('in_progress', 'in_progress')),
        buildModel(plan('completed', 'in_progress')),
      ),
      [],
    );
    assert.deepEqual(
      newlyReadyTasks(buildModel(plan('completed')), buildModel(plan('completed'))),
      [],
    );
  });

  it('ignores tasks already being worked on', () => {
    const before = buildModel([
      { key: 'a' },
      { key: 'x', status: 'in_progress', dependencies: ['a'] },
    ]);
    const after = buildModel([
      { key: 'a', status: 'completed' },
      { key: 'x', status: 'in_progress', dependencies: ['a'] },
    ]);
    assert.deepEqual(newlyReadyTasks(before, after), []);
  });
});
