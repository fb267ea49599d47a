import { strict as assert } from 'node:assert';
import { groupTasks } from '../../../src/features/tasks/model/grouping';
import { buildModel } from './modelBuilder';

const { model, graph } = buildModel([
  { key: 'a', group: 'top5', owner: 'Codex', priority: 'medium', phase: 'SECOND' },
  {
    key: 'b',
    group: 'top5',
    owner: 'Codex + Copilot',
    priority: 'critical',
    status: 'completed',
    phase: 'FIRST',
  },
  { key: 'c', group: 'quick_wins', owner: '', dependencies: ['b'] },
  {
    key: 'd',
    group: 'quick_wins',
    owner: 'Copilot',
    status: 'waiting',
    dependencies: ['a'],
    priority: 'high',
  },
  {
    key: 'e',
    group: 'hygiene',
    owner: 'Codex',
    status: 'in_progress',
    priority: 'medium',
    phase: 'FIRST',
  },
]);

const shape = (groupBy: Parameters<typeof groupTasks>[2]) =>
  groupTasks(model, graph, groupBy).map((b) => [b.label, b.tasks.map((t) => t.key).join('')]);

describe('core/tree grouping', () => {
  it('keeps the file groups and their task order, named in words', () => {
    assert.deepEqual(shape('group'), [
      ['Top 5', 'ab'],
      ['Quick wins', 'cd'],
      ['Hygiene', 'e'],
    ]);
  });

  it('groups by owner text in first-seen order, with unassigned tasks named', () => {
    assert.deepEqual(shape('owner'), [
      ['Codex', 'ae'],
      ['Codex + Copilot', 'b'],
      ['Unassigned', 'c'],
      ['Copilot', 'd'],
    ]);
  });

  it('groups by display status, attention first, ready derived from dependencies', () => {
    assert.deepEqual(shape('status'), [
      ['In progress', 'e'],
      ['Ready', 'ac'],
      ['Waiting', 'd'],
      ['Completed', 'b'],
    ]);
  });

  it('groups by priority from critical down, tasks without one last', () => {
    assert.deepEqual(shape('priority'), [
      ['Critical', 'b'],
      ['High', 'd'],
      ['Medium', 'ae'],
      ['No priority', 'c'],
    ]);
  });

  it('groups by phase in first-seen order with tasks without a phase last', () => {
    assert.deepEqual(shape('phase'), [
      ['SECOND', 'a'],
      ['FIRST', 'be'],
      ['No phase', 'cd'],
    ]);
  });
});
