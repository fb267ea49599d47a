import { strict as assert } from 'node:assert';
import type { DashboardTask } from '../../../src/protocol/dashboardModel';
import {
  MAX_GRAPH_NODES,
  SHOW_ALL_TASKS_UP_TO,
  graphTasks,
  layoutGraph,
} from '../../../src/webview/graphLayout';
import { fixtureText, viewModelOf } from './fixtures';

function chain(count: number): DashboardTask[] {
  const base = viewModelOf(fixtureText('lukhas')).tasks[0];
  return Array.from({ length: count }, (_, i) => ({
    ...base,
    key: `k${i}`,
    index: i,
    onCriticalPath: i % 50 === 0,
    dependencies:
      i > 0 && i % 2 === 0 ? [{ name: `k${i - 2}`, taskKey: `k${i - 2}`, done: false }] : [],
    dependents: i % 2 === 0 && i + 2 < count ? [`k${i + 2}`] : [],
  }));
}

describe('dependency graph layout', () => {
  it('lays out every task of a small plan, dependencies to the left of their dependents', () => {
    const tasks = viewModelOf(fixtureText('lukhas')).tasks;
    const layout = layoutGraph(tasks);
    assert.equal(layout.nodes.length, tasks.length);
    assert.equal(layout.omitted, 0);
    const x = new Map(layout.nodes.map((n) => [n.key, n.x]));
    const expectedEdges = tasks.flatMap((t) =>
      t.dependencies.filter((d) => d.taskKey).map((d) => `${d.taskKey}->${t.key}`),
    );
    assert.deepEqual(layout.edges.map((e) => `${e.from}->${e.to}`).sort(), expectedEdges.sort());
    for (const edge of layout.edges) {
      assert.ok(x.get(edge.from)! < x.get(edge.to)!, `${edge.from} before ${edge.to}`);
      assert.ok(edge.points.length >= 2);
    }
    assert.ok(layout.width > 0 && layout.height > 0);
  });

  it('leaves unconnected tasks out of large plans and caps the rest, keeping the critical path', () => {
    const tasks = chain(SHOW_ALL_TASKS_UP_TO + 500);
    const shown = graphTasks(tasks);
    assert.equal(shown.length, MAX_GRAPH_NODES);
    assert.ok(shown.every((t) => t.dependencies.length > 0 || t.dependents.length > 0));
    const critical = tasks.filter(
      (t) => t.onCriticalPath && (t.dependencies.length > 0 || t.dependents.length > 0),
    );
    for (const task of critical) {
      assert.ok(shown.includes(task), task.key);
    }
    assert.deepEqual(
      shown.map((t) => t.index),
      [...shown.map((t) => t.index)].sort((a, b) => a - b),
    );
  });
});
