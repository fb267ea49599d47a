import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { layoutLayered, type LayeredLayout } from '../../../src/webview/graph/layeredLayout';

const SPACING = { nodeWidth: 200, nodeHeight: 44, nodeGap: 14, layerGap: 56 };

/** A random DAG: `count` nodes, edges only from a lower to a higher index, no duplicates. */
const dags = fc.integer({ min: 1, max: 60 }).chain((count) =>
  fc
    .uniqueArray(
      fc
        .tuple(fc.nat(count - 1), fc.nat(count - 1))
        .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a])),
      { maxLength: count * 2, selector: ([a, b]) => `${a}>${b}` },
    )
    .map((pairs) => ({ count, edges: pairs.filter(([a, b]) => a !== b) })),
);

function overlapping(layout: LayeredLayout): [number, number][] {
  const found: [number, number][] = [];
  layout.nodes.forEach((a, i) =>
    layout.nodes.forEach((b, j) => {
      if (
        i < j &&
        Math.abs(a.x - b.x) < SPACING.nodeWidth &&
        Math.abs(a.y - b.y) < SPACING.nodeHeight
      ) {
        found.push([i, j]);
      }
    }),
  );
  return found;
}

/** Same point up to floating-point rounding. */
function near(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
}

describe('layered graph layout', () => {
  it('never overlaps two boxes and keeps every dependency left of its dependent', () => {
    fc.assert(
      fc.property(dags, ({ count, edges }) => {
        const layout = layoutLayered(count, edges, SPACING);
        assert.equal(layout.nodes.length, count);
        assert.deepEqual(overlapping(layout), []);
        for (const [from, to] of edges) {
          const a = layout.nodes[from];
          const b = layout.nodes[to];
          assert.ok(a.layer < b.layer, `layer of ${from} before ${to}`);
          assert.ok(a.x + SPACING.nodeWidth <= b.x, `${from} left of ${to}`);
        }
        for (const node of layout.nodes) {
          assert.ok(node.x >= 0 && node.y >= -1e-9);
          assert.ok(node.x + SPACING.nodeWidth <= layout.width + 1e-9);
          assert.ok(node.y + SPACING.nodeHeight <= layout.height + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('draws each edge as a polyline from the right of its dependency to the left of its dependent', () => {
    fc.assert(
      fc.property(dags, ({ count, edges }) => {
        const layout = layoutLayered(count, edges, SPACING);
        assert.equal(layout.edges.length, edges.length);
        layout.edges.forEach((edge, i) => {
          assert.deepEqual([edge.from, edge.to], edges[i]);
          const from = layout.nodes[edge.from];
          const to = layout.nodes[edge.to];
          const first = edge.points[0];
          const last = edge.points[edge.points.length - 1];
          assert.ok(
            near(first, { x: from.x + SPACING.nodeWidth, y: from.y + SPACING.nodeHeight / 2 }),
          );
          assert.ok(near(last, { x: to.x, y: to.y + SPACING.nodeHeight / 2 }));
          // Left to right throughout: a long edge passes the layers between in its own slot.
          edge.points.slice(1).forEach((p, k) => assert.ok(p.x >= edge.points[k].x));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('lays out a dependency cycle with one edge pointing back and no overlap', () => {
    const edges: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 3],
    ];
    const layout = layoutLayered(4, edges, SPACING);
    assert.equal(layout.nodes.length, 4);
    assert.deepEqual(overlapping(layout), []);
    // One edge of the cycle has to point back; the others still go left to right.
    const backwards = edges.filter(([a, b]) => layout.nodes[a].layer >= layout.nodes[b].layer);
    assert.equal(backwards.length, 1);
    assert.equal(layout.edges.length, 4);
    for (const edge of layout.edges) {
      // Each edge still starts at its dependency (the one pointing back, at its left side).
      const from = layout.nodes[edge.from];
      const centre = from.y + SPACING.nodeHeight / 2;
      assert.ok(
        near(edge.points[0], { x: from.x + SPACING.nodeWidth, y: centre }) ||
          near(edge.points[0], { x: from.x, y: centre }),
      );
    }
  });

  it('places a node next to its dependents rather than at the far left', () => {
    // 0 → 1 → 2 → 3, and 4 feeds only 3: longest path puts 4 in layer 0; it belongs in layer 2.
    const layout = layoutLayered(
      5,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [4, 3],
      ],
      SPACING,
    );
    assert.deepEqual(
      layout.nodes.map((n) => n.layer),
      [0, 1, 2, 3, 2],
    );
  });

  it('orders the layers so that two parallel edges do not cross', () => {
    // Dependents listed before their dependencies: the first order drawn crosses 2→1 and 3→0.
    const layout = layoutLayered(
      4,
      [
        [3, 0],
        [2, 1],
      ],
      SPACING,
    );
    const y = layout.nodes.map((n) => n.y);
    assert.equal(Math.sign(y[2] - y[3]), Math.sign(y[1] - y[0]));
  });

  it('keeps its guarantees on larger random plans with long edges', () => {
    const large = fc.integer({ min: 100, max: 400 }).chain((count) =>
      fc
        .array(fc.tuple(fc.nat(count - 1), fc.nat(count - 1)), { maxLength: count * 2 })
        .map((pairs) => ({
          count,
          edges: [
            ...new Map(
              pairs
                .filter(([a, b]) => a !== b)
                .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]))
                .map((edge) => [`${edge[0]}>${edge[1]}`, edge]),
            ).values(),
          ],
        })),
    );
    fc.assert(
      fc.property(large, ({ count, edges }) => {
        const layout = layoutLayered(count, edges, SPACING);
        assert.equal(layout.nodes.length, count);
        assert.deepEqual(overlapping(layout), []);
        for (const [from, to] of edges) {
          assert.ok(layout.nodes[from].x + SPACING.nodeWidth <= layout.nodes[to].x);
        }
      }),
      { numRuns: 20 },
    );
  });
});
