import { strict as assert } from 'node:assert';
import { generatePlan } from '../../../scripts/bench/generatedPlan';
import { NO_FILTERS } from '../../../src/webview/filters';
import { graphNodes, structureOf } from '../../../src/webview/graph/graphInput';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  layoutGraph,
  type GraphLayout,
  type LayoutNodeInput,
} from '../../../src/webview/graph/layout';
import { nearestInDirection } from '../../../src/webview/graph/navigation';
import { fixtureText, viewModelOf } from './fixtures';

const VIEW_WIDTH = 1300;

function overlaps(layout: GraphLayout): string[] {
  const sorted = [...layout.nodes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + NODE_WIDTH; j++) {
      if (Math.abs(sorted[j].y - sorted[i].y) < NODE_HEIGHT) {
        found.push(`${sorted[i].key} / ${sorted[j].key}`);
      }
    }
  }
  return found;
}

/** `count` tasks, each (but every tenth) depending on one earlier task: one large component. */
function densePlan(count: number): LayoutNodeInput[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `k${i}`,
    dependencies:
      i % 10 === 0 ? [] : [`k${Math.floor(i * 0.61)}`, ...(i % 7 === 0 ? [`k${i - 3}`] : [])],
  }));
}

describe('dependency graph layout', () => {
  const fixture = viewModelOf(fixtureText('lukhas'));

  it('draws every task of the 21-task plan, dependencies left of their dependents', () => {
    const layout = layoutGraph({
      nodes: graphNodes(fixture.tasks, NO_FILTERS),
      viewWidth: VIEW_WIDTH,
    });
    assert.equal(layout.nodes.length, fixture.tasks.length);
    const expectedEdges = fixture.tasks.flatMap((t) =>
      t.dependencies.filter((d) => d.taskKey).map((d) => `${d.taskKey}->${t.key}`),
    );
    assert.ok(expectedEdges.length > 0);
    assert.deepEqual(layout.edges.map((e) => `${e.from}->${e.to}`).sort(), expectedEdges.sort());
    const x = new Map(layout.nodes.map((n) => [n.key, n.x]));
    for (const edge of layout.edges) {
      assert.ok(
        x.get(edge.from)! + NODE_WIDTH <= x.get(edge.to)!,
        `${edge.from} before ${edge.to}`,
      );
      assert.ok(edge.points.length >= 2);
    }
    assert.deepEqual(overlaps(layout), []);
  });

  it('gathers tasks without any dependency link apart, in a grid as wide as the view', () => {
    const layout = layoutGraph({
      nodes: graphNodes(fixture.tasks, NO_FILTERS),
      viewWidth: VIEW_WIDTH,
    });
    const linked = new Set(layout.edges.flatMap((e) => [e.from, e.to]));
    const isolated = layout.nodes.filter((n) => !linked.has(n.key));
    const connected = layout.nodes.filter((n) => linked.has(n.key));
    assert.ok(isolated.length > 5, 'the fixture has many unlinked tasks');
    assert.ok(isolated.every((n) => n.layer === -1));
    // Below every connected task, under their own caption.
    const connectedBottom = Math.max(...connected.map((n) => n.y + NODE_HEIGHT));
    assert.ok(isolated.every((n) => n.y > connectedBottom));
    const region = layout.regions.find((r) => r.kind === 'isolated')!;
    assert.match(region.caption, new RegExp(`^${isolated.length} tasks without`));
    // A compact grid, not one tall column: several per row, rows filled before the next starts.
    const columns = new Set(isolated.map((n) => n.x)).size;
    const rows = new Set(isolated.map((n) => n.y)).size;
    assert.ok(columns >= 5, `${columns} columns`);
    assert.equal(rows, Math.ceil(isolated.length / columns));
    assert.ok(layout.width <= VIEW_WIDTH + NODE_WIDTH);
  });

  it('lays out 1,000 tasks (chains and one large component) with no two boxes overlapping', () => {
    for (const nodes of [
      graphNodes(viewModelOf(generatePlan(1000)).tasks, NO_FILTERS),
      densePlan(1000),
    ]) {
      const layout = layoutGraph({ nodes, viewWidth: VIEW_WIDTH });
      assert.equal(layout.nodes.length, 1000);
      assert.equal(new Set(layout.nodes.map((n) => n.key)).size, 1000);
      assert.deepEqual(overlaps(layout), []);
      for (const node of layout.nodes) {
        assert.ok(node.x >= 0 && node.y >= 0);
        assert.ok(node.x + NODE_WIDTH <= layout.width && node.y + NODE_HEIGHT <= layout.height);
      }
      // Packed to a landscape-ish shape rather than one tall strip.
      assert.ok(layout.height < layout.width * 3, `${layout.width} x ${layout.height}`);
    }
  });

  it('follows the board filters: hidden tasks and the links to them leave the drawing', () => {
    const group = fixture.groups[0];
    const nodes = graphNodes(fixture.tasks, { ...NO_FILTERS, group });
    const inGroup = fixture.tasks.filter((t) => t.group === group);
    assert.ok(inGroup.length > 0 && inGroup.length < fixture.tasks.length);
    assert.deepEqual(
      nodes.map((n) => n.key),
      inGroup.map((t) => t.key),
    );
    const layout = layoutGraph({ nodes, viewWidth: VIEW_WIDTH });
    const shown = new Set(inGroup.map((t) => t.key));
    assert.equal(layout.nodes.length, inGroup.length);
    assert.ok(layout.edges.every((e) => shown.has(e.from) && shown.has(e.to)));
    // A status change alone does not change the structure the layout depends on.
    const restatused = fixture.tasks.map((t) => ({ ...t, status: 'completed' as const }));
    assert.equal(
      structureOf(graphNodes(restatused, NO_FILTERS)),
      structureOf(graphNodes(fixture.tasks, NO_FILTERS)),
    );
    assert.notEqual(structureOf(nodes), structureOf(graphNodes(fixture.tasks, NO_FILTERS)));
  });

  it('moves the keyboard focus to the nearest node in the arrow direction', () => {
    const boxes = [
      { key: 'a', x: 0, y: 0 },
      { key: 'b', x: 300, y: 0 },
      { key: 'c', x: 300, y: 60 },
      { key: 'd', x: 0, y: 60 },
      { key: 'e', x: 600, y: 400 },
    ];
    assert.equal(nearestInDirection(boxes, 'a', 'right'), 'b');
    assert.equal(nearestInDirection(boxes, 'a', 'down'), 'd');
    assert.equal(nearestInDirection(boxes, 'c', 'left'), 'd');
    assert.equal(nearestInDirection(boxes, 'b', 'up'), undefined);
    assert.equal(nearestInDirection(boxes, 'c', 'right'), 'e');
  });
});
