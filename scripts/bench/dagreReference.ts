/**
 * The graph layout as it was before `layeredLayout.ts`, kept for the bench only: every connected
 * group of tasks laid out by dagre (groups of the same shape once), with the settings the page
 * used (network simplex, or for groups above 150 tasks the tight-tree ranker and one ordering
 * pass). Packing is left out: it is the same for both and takes well under a millisecond.
 */
import dagre from '@dagrejs/dagre';
import type { LayoutNodeInput } from '../../src/webview/graph/layout';
import { NODE_HEIGHT, NODE_WIDTH } from '../../src/webview/graph/nodeSize';

const LARGE_COMPONENT = 150;

export interface Polyline {
  points: { x: number; y: number }[];
}

/** Lays out each connected group with dagre; returns every edge's polyline (group coordinates). */
export function layoutWithDagre(nodes: readonly LayoutNodeInput[]): Polyline[][] {
  const index = new Map(nodes.map((node, i) => [node.key, i]));
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const edges: [number, number][] = [];
  nodes.forEach((node, i) => {
    for (const dep of new Set(node.dependencies)) {
      const from = index.get(dep);
      if (from !== undefined && from !== i) {
        edges.push([from, i]);
        parent[find(from)] = find(i);
      }
    }
  });
  const groups = new Map<number, { members: number[]; edges: [number, number][] }>();
  const linked = new Set(edges.flat());
  nodes.forEach((_, i) => {
    if (linked.has(i)) {
      const root = find(i);
      if (!groups.has(root)) {
        groups.set(root, { members: [], edges: [] });
      }
      groups.get(root)!.members.push(i);
    }
  });
  for (const edge of edges) {
    groups.get(find(edge[0]))!.edges.push(edge);
  }
  const shapes = new Map<string, Polyline[]>();
  return [...groups.values()].map(({ members, edges: groupEdges }) => {
    const local = new Map(members.map((v, i) => [v, i]));
    const localEdges = groupEdges.map(([a, b]) => [local.get(a)!, local.get(b)!] as const);
    const shapeKey = `${members.length}:${localEdges.map(([a, b]) => `${a}>${b}`).join(',')}`;
    let shape = shapes.get(shapeKey);
    if (!shape) {
      shape = dagreShape(members.length, localEdges);
      shapes.set(shapeKey, shape);
    }
    return shape;
  });
}

function dagreShape(count: number, edges: readonly (readonly [number, number])[]): Polyline[] {
  const large = count > LARGE_COMPONENT;
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({
    rankdir: 'LR',
    nodesep: 14,
    ranksep: 56,
    marginx: 0,
    marginy: 0,
    ranker: large ? 'tight-tree' : 'network-simplex',
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (let i = 0; i < count; i++) {
    graph.setNode(String(i), { width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  for (const [from, to] of edges) {
    graph.setEdge(String(from), String(to));
  }
  dagre.layout(graph, { disableOptimalOrderHeuristic: large });
  return graph.edges().map((edge) => ({ points: graph.edge(edge).points ?? [] }));
}
