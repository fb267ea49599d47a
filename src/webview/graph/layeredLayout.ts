/**
 * A layered (Sugiyama-style) drawing of one connected group, left to right: cycles broken by
 * reversing DFS back edges, ranks by longest path then pulled toward dependents, dummy nodes on
 * long edges, barycenter sweeps against crossings (the best order kept), and rows placed near their neighbours' median with every gap kept. Linear or near-linear
 * in nodes plus edge length (dagre, used before, took most of a second on a 1,000-task plan).
 */

export interface LayeredSpacing {
  nodeWidth: number;
  nodeHeight: number;
  /** Vertical gap between neighbours in a layer (nodes or edges passing through). */
  nodeGap: number;
  /** Horizontal gap between layers. */
  layerGap: number;
}

interface Point {
  x: number;
  y: number;
}

/** Nodes as top-left corners with their layer; edges as polylines from `from` to `to`. */
export interface LayeredLayout {
  nodes: { x: number; y: number; layer: number }[];
  edges: { from: number; to: number; points: Point[] }[];
  width: number;
  height: number;
}

const ORDER_SWEEPS = 24;
const PLACEMENT_SWEEPS = 8;

/** Lays out nodes `0..count-1` linked by `edges` (`[from, to]`: `from` drawn left of `to`). */
export function layoutLayered(
  count: number,
  edges: readonly (readonly [number, number])[],
  spacing: LayeredSpacing,
): LayeredLayout {
  if (count === 0) {
    return { nodes: [], edges: [], width: 0, height: 0 };
  }
  const oriented = breakCycles(count, edges);
  const rank = rankNodes(count, oriented);
  const graph = layerGraph(count, oriented, rank);
  orderLayers(graph);
  const y = placeInLayers(graph, spacing);

  const columnWidth = spacing.nodeWidth + spacing.layerGap;
  let top = Infinity;
  let bottom = -Infinity;
  for (let v = 0; v < y.length; v++) {
    const half = v < count ? spacing.nodeHeight / 2 : 0;
    top = Math.min(top, y[v] - half);
    bottom = Math.max(bottom, y[v] + half);
  }
  const nodes = Array.from({ length: count }, (_, v) => ({
    x: rank[v] * columnWidth,
    y: y[v] - spacing.nodeHeight / 2 - top,
    layer: rank[v],
  }));
  const laidEdges = edges.map(([from, to], i) => {
    const chain = graph.chains[i];
    const points: Point[] = [
      { x: graph.rank[chain[0]] * columnWidth + spacing.nodeWidth, y: y[chain[0]] - top },
    ];
    for (const dummy of chain.slice(1, -1)) {
      const left = graph.rank[dummy] * columnWidth;
      points.push(
        { x: left, y: y[dummy] - top },
        { x: left + spacing.nodeWidth, y: y[dummy] - top },
      );
    }
    const last = chain[chain.length - 1];
    points.push({ x: graph.rank[last] * columnWidth, y: y[last] - top });
    return { from, to, points: oriented[i].reversed ? points.reverse() : points };
  });
  return {
    nodes,
    edges: laidEdges,
    width: graph.layers.length * columnWidth - spacing.layerGap,
    height: bottom - top,
  };
}

interface OrientedEdge {
  from: number;
  to: number;
  reversed: boolean;
}

/** The edges with those that close a cycle (DFS back edges, self-loops aside) turned around. */
function breakCycles(count: number, edges: readonly (readonly [number, number])[]) {
  const out: number[][] = Array.from({ length: count }, () => []);
  edges.forEach(([from], i) => out[from].push(i));
  const state = new Uint8Array(count); // 0 unvisited, 1 on the DFS stack, 2 done
  const reversed = new Uint8Array(edges.length);
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) {
      continue;
    }
    const stack: [node: number, next: number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const [node, next] = frame;
      if (next === out[node].length) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      frame[1]++;
      const edge = out[node][next];
      const to = edges[edge][1];
      if (state[to] === 1) {
        reversed[edge] = 1;
      } else if (state[to] === 0) {
        state[to] = 1;
        stack.push([to, 0]);
      }
    }
  }
  return edges.map(([from, to], i): OrientedEdge =>
    reversed[i] ? { from: to, to: from, reversed: true } : { from, to, reversed: false },
  );
}

/**
 * Ranks by longest path from the sources, then, from the last node back, each node with at least
 * as many dependents as dependencies moves right next to its nearest dependent (shorter edges
 * overall); finally ranks holding no node are closed up.
 */
function rankNodes(count: number, edges: readonly OrientedEdge[]): number[] {
  const succ: number[][] = Array.from({ length: count }, () => []);
  const pred: number[][] = Array.from({ length: count }, () => []);
  for (const { from, to } of edges) {
    if (from !== to) {
      succ[from].push(to);
      pred[to].push(from);
    }
  }
  const waiting = pred.map((p) => p.length);
  const order: number[] = [];
  for (let v = 0; v < count; v++) {
    if (waiting[v] === 0) {
      order.push(v);
    }
  }
  for (let i = 0; i < order.length; i++) {
    for (const s of succ[order[i]]) {
      if (--waiting[s] === 0) {
        order.push(s);
      }
    }
  }
  const rank = new Array<number>(count).fill(0);
  for (const v of order) {
    for (const s of succ[v]) {
      rank[s] = Math.max(rank[s], rank[v] + 1);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (succ[v].length > 0 && succ[v].length >= pred[v].length) {
      rank[v] = Math.min(...succ[v].map((s) => rank[s])) - 1;
    }
  }
  const used = [...new Set(rank)].sort((a, b) => a - b);
  const compact = new Map(used.map((r, i) => [r, i]));
  return rank.map((r) => compact.get(r)!);
}

interface LayerGraph {
  /** Vertices `0..nodeCount-1` are the nodes; the rest are dummies. */
  nodeCount: number;
  /** Rank of every vertex: nodes first, then the dummies of long edges. */
  rank: number[];
  /** Neighbours in the previous and the next layer. */
  up: number[][];
  down: number[][];
  /** Vertices of each layer, in drawing order (top to bottom). */
  layers: number[][];
  /** For each input edge, its vertices from the left end to the right end. */
  chains: number[][];
}

function layerGraph(count: number, edges: readonly OrientedEdge[], rank: number[]): LayerGraph {
  const vertexRank = [...rank];
  const up: number[][] = Array.from({ length: count }, () => []);
  const down: number[][] = Array.from({ length: count }, () => []);
  const chains = edges.map(({ from, to }) => {
    const chain = [from];
    let previous = from;
    for (let r = rank[from] + 1; r < rank[to]; r++) {
      const dummy = vertexRank.length;
      vertexRank.push(r);
      up.push([previous]);
      down.push([]);
      down[previous].push(dummy);
      chain.push(dummy);
      previous = dummy;
    }
    down[previous].push(to);
    up[to].push(previous);
    chain.push(to);
    return chain;
  });
  const layers: number[][] = Array.from(
    { length: rank.reduce((most, r) => Math.max(most, r), -1) + 1 },
    () => [],
  );
  // Initial order: depth-first from the nodes in input order, so linked vertices start close.
  const seen = new Uint8Array(vertexRank.length);
  const visit = (start: number) => {
    const stack = [start];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (seen[v]) {
        continue;
      }
      seen[v] = 1;
      layers[vertexRank[v]].push(v);
      for (let i = down[v].length - 1; i >= 0; i--) {
        stack.push(down[v][i]);
      }
    }
  };
  for (let v = 0; v < count; v++) {
    visit(v);
  }
  return { nodeCount: count, rank: vertexRank, up, down, layers, chains };
}

/** Barycenter sweeps down and up the layers, keeping the order with the fewest crossings. */
function orderLayers(graph: LayerGraph): void {
  const position = new Float64Array(graph.rank.length);
  const index = () => graph.layers.forEach((layer) => layer.forEach((v, i) => (position[v] = i)));
  index();
  let best = graph.layers.map((layer) => [...layer]);
  let fewest = crossings(graph, position);
  for (let sweep = 0; sweep < ORDER_SWEEPS && fewest > 0; sweep++) {
    const downward = sweep % 2 === 0;
    const sequence = graph.layers.map((_, i) => i);
    if (!downward) {
      sequence.reverse();
    }
    for (const i of sequence.slice(1)) {
      graph.layers[i] = byBarycenter(graph.layers[i], downward ? graph.up : graph.down, position);
      graph.layers[i].forEach((v, j) => (position[v] = j));
    }
    const found = crossings(graph, position);
    if (found < fewest) {
      fewest = found;
      best = graph.layers.map((layer) => [...layer]);
    }
  }
  graph.layers = best;
  index();
}

/** Sorts by the mean position of the neighbours; a vertex without any keeps its place. */
function byBarycenter(
  layer: readonly number[],
  neighbours: readonly number[][],
  position: Float64Array,
): number[] {
  const movable: { v: number; at: number; seq: number }[] = [];
  const result: number[] = new Array(layer.length);
  const fixed = new Uint8Array(layer.length);
  layer.forEach((v, i) => {
    const near = neighbours[v];
    if (near.length === 0) {
      result[i] = v;
      fixed[i] = 1;
    } else {
      let sum = 0;
      for (const n of near) {
        sum += position[n];
      }
      movable.push({ v, at: sum / near.length, seq: i });
    }
  });
  movable.sort((a, b) => a.at - b.at || a.seq - b.seq);
  let next = 0;
  for (let i = 0; i < layer.length; i++) {
    if (!fixed[i]) {
      result[i] = movable[next++].v;
    }
  }
  return result;
}

/** Edge crossings between every pair of adjacent layers (Barth, Jünger and Mutzel's count). */
function crossings(graph: LayerGraph, position: Float64Array): number {
  let total = 0;
  for (let i = 1; i < graph.layers.length; i++) {
    const southSize = graph.layers[i].length;
    const ends: number[] = [];
    for (const v of graph.layers[i - 1]) {
      const targets = graph.down[v].map((w) => position[w]).sort((a, b) => a - b);
      ends.push(...targets);
    }
    let first = 1;
    while (first < southSize) {
      first *= 2;
    }
    const tree = new Float64Array(2 * first);
    for (const end of ends) {
      let at = end + first;
      tree[at]++;
      while (at > 1) {
        if (at % 2 === 0) {
          total += tree[at + 1];
        }
        at = Math.floor(at / 2);
        tree[at]++;
      }
    }
  }
  return total;
}

/**
 * Vertical centres: each layer stacked with its gaps, then sweeps that pull every vertex toward the
 * median of its neighbours' centres while keeping each gap (a least-squares fit under ordering
 * constraints, by pooling adjacent violators).
 */
function placeInLayers(graph: LayerGraph, spacing: LayeredSpacing): Float64Array {
  const count = graph.up.length;
  const y = new Float64Array(count);
  const height = (v: number) => (v < graph.nodeCount ? spacing.nodeHeight : 0);
  const separations = graph.layers.map((layer) =>
    layer.slice(1).map((v, i) => (height(layer[i]) + height(v)) / 2 + spacing.nodeGap),
  );
  graph.layers.forEach((layer, i) => {
    let at = 0;
    layer.forEach((v, j) => {
      at += j === 0 ? 0 : separations[i][j - 1];
      y[v] = at;
    });
    const middle = at / 2;
    layer.forEach((v) => (y[v] -= middle));
  });
  for (let sweep = 0; sweep < PLACEMENT_SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    const both = sweep === PLACEMENT_SWEEPS - 1;
    const sequence = graph.layers.map((_, i) => i);
    if (!downward) {
      sequence.reverse();
    }
    for (const i of sequence) {
      const layer = graph.layers[i];
      const wanted = layer.map((v) => {
        const near = both
          ? [...graph.up[v], ...graph.down[v]]
          : downward
            ? graph.up[v]
            : graph.down[v];
        return near.length === 0 ? y[v] : median(near.map((n) => y[n]));
      });
      const placed = fitInOrder(wanted, separations[i]);
      layer.forEach((v, j) => (y[v] = placed[j]));
    }
  }
  return y;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * Positions closest (least squares) to `wanted` with `position[j+1] - position[j] >=
 * separation[j]`: shifted by the running separation the constraint becomes "non-decreasing",
 * solved by pooling adjacent violators.
 */
function fitInOrder(wanted: readonly number[], separation: readonly number[]): number[] {
  const offset: number[] = [0];
  for (let j = 1; j < wanted.length; j++) {
    offset.push(offset[j - 1] + separation[j - 1]);
  }
  const blocks: { sum: number; size: number }[] = [];
  for (let j = 0; j < wanted.length; j++) {
    blocks.push({ sum: wanted[j] - offset[j], size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const before = blocks[blocks.length - 2];
      if (before.sum / before.size <= last.sum / last.size) {
        break;
      }
      before.sum += last.sum;
      before.size += last.size;
      blocks.pop();
    }
  }
  const placed: number[] = [];
  for (const block of blocks) {
    const level = block.sum / block.size;
    for (let k = 0; k < block.size; k++) {
      placed.push(level + offset[placed.length]);
    }
  }
  return placed;
}
