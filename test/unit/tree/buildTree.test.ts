import { strict as assert } from 'node:assert';
import {
  buildTaskGroups,
  countBlocked,
  type TaskTreeOptions,
} from '../../../src/features/tasks/model/buildTree';
import { NO_FILTERS } from '../../../src/features/tasks/model/filters';
import { buildModel } from './modelBuilder';

const { model, graph } = buildModel([
  { key: 'a', group: 'g1', owner: 'Codex', priority: 'low' },
  { key: 'b', group: 'g1', owner: 'Claude Code', priority: 'critical', status: 'completed' },
  { key: 'c', group: 'g1', owner: 'codex + Copilot', priority: 'high', dependencies: ['a'] },
  { key: 'd', group: 'g2', owner: 'Copilot', status: 'waiting', dependencies: ['b'] },
  { key: 'e', group: 'g3', owner: 'Copilot', status: 'blocked' },
]);

const options = (over: Partial<TaskTreeOptions> = {}): TaskTreeOptions => ({
  groupBy: 'group',
  sortBy: 'file',
  filters: { ...NO_FILTERS },
  me: 'Codex',
  ...over,
});
const shape = (over: Partial<TaskTreeOptions>) =>
  buildTaskGroups(model, graph, options(over)).map(
    (g) => `${g.key}:${g.tasks.map((t) => t.key).join('')}:${g.description}`,
  );

describe('core/tree buildTaskGroups', () => {
  it('shows every group with done/total and file order', () => {
    assert.deepEqual(shape({}), ['g1:abc:1/3', 'g2:d:0/1', 'g3:e:0/1']);
  });

  it('orders by priority inside a group when asked', () => {
    assert.deepEqual(shape({ sortBy: 'priority' }), ['g1:bca:1/3', 'g2:d:0/1', 'g3:e:0/1']);
  });

  it('filters narrow together and drop emptied groups, while done/total still counts the whole group', () => {
    assert.deepEqual(shape({ filters: { ...NO_FILTERS, hideCompleted: true } }), [
      'g1:ac:1/3',
      'g2:d:0/1',
      'g3:e:0/1',
    ]);
    assert.deepEqual(shape({ filters: { ...NO_FILTERS, ready: true } }), ['g1:a:1/3']);
    assert.deepEqual(shape({ filters: { ...NO_FILTERS, blocked: true } }), [
      'g1:c:1/3',
      'g2:d:0/1',
      'g3:e:0/1',
    ]);
    assert.deepEqual(shape({ filters: { ...NO_FILTERS, mine: true } }), ['g1:ac:1/3']);
    assert.deepEqual(shape({ filters: { ...NO_FILTERS, mine: true, blocked: true } }), [
      'g1:c:1/3',
    ]);
  });

  it('counts tasks under a status header, where done/total would say nothing', () => {
    const rows = buildTaskGroups(model, graph, options({ groupBy: 'status' }));
    assert.deepEqual(
      rows.map((row) => [row.label, row.description, row.tooltip]),
      [
        ['Ready', '1 task', 'Ready: 1 task'],
        ['Blocked', '1 task', 'Blocked: 1 task'],
        ['Waiting', '1 task', 'Waiting: 1 task'],
        ['Not started', '1 task', 'Not started: 1 task'],
        ['Completed', '1 task', 'Completed: 1 task'],
      ],
    );
  });

  it('the mine filter shows nothing until coordinator.me is set', () => {
    assert.deepEqual(shape({ me: '  ', filters: { ...NO_FILTERS, mine: true } }), []);
  });

  it('counts blocked tasks: blocked, waiting, and not started behind an unfinished task', () => {
    assert.equal(countBlocked(model, graph), 3);
  });
});
