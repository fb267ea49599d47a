import { layoutLayered } from './layeredLayout';
import { NODE_HEIGHT, NODE_WIDTH } from './nodeSize';

export { NODE_HEIGHT, NODE_WIDTH };
/** Vertical gap between nodes of a layer, and horizontal gap between layers. */
const NODE_GAP = 14;
const LAYER_GAP = 56;
/** Space between packed components, around the drawing, and above each region's caption. */
const COMPONENT_GAP = 32;
const MARGIN = 12;
const CAPTION_HEIGHT = 24;
/** Aspect (width / height) the packing aims for when the plan is larger than the view. */
const TARGET_ASPECT = 1.6;

/** One task as the layout sees it: its key and the keys of the shown tasks it depends on. */
export interface LayoutNodeInput {
  key: string;
  dependencies: readonly string[];
}

export interface LayoutInput {
  nodes: readonly LayoutNodeInput[];
  /** Width of the view the drawing first appears in; the packing uses at least this much. */
  viewWidth: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A node's box: top-left corner, NODE_WIDTH by NODE_HEIGHT. */
export interface LaidOutNode {
  key: string;
  x: number;
  y: number;
  /** Layer within its component (0 = no dependencies among the shown tasks); -1 when isolated. */
  layer: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  points: Point[];
}

/** A captioned area of the drawing: the connected tasks, or those without any dependency link. */
export interface LayoutRegion {
  kind: 'connected' | 'isolated';
  caption: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  regions: LayoutRegion[];
  width: number;
  height: number;
}

interface Component {
  keys: string[];
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}

/**
 * Lays the dependency graph out: each connected group of tasks layered left to right
 * (dependencies before dependents) by `layoutLayered`, the groups packed in rows as wide as the view (or
 * wider for large plans, keeping a landscape shape), then the tasks with no dependency and no
 * dependent among the shown ones in a compact grid below. Node boxes never overlap.
 */
export function layoutGraph(input: LayoutInput): GraphLayout {
  const shown = new Set(input.nodes.map((node) => node.key));
  const edges: [string, string][] = [];
  const linked = new Set<string>();
  for (const node of input.nodes) {
    for (const dep of new Set(node.dependencies)) {
      if (dep !== node.key && shown.has(dep)) {
        edges.push([dep, node.key]);
        linked.add(dep);
        linked.add(node.key);
      }
    }
  }
  const connectedKeys = input.nodes.map((n) => n.key).filter((key) => linked.has(key));
  const isolatedKeys = input.nodes.map((n) => n.key).filter((key) => !linked.has(key));
  const shapes = new Map<string, ShapeLayout>();
  const components = splitComponents(connectedKeys, edges).map((group) =>
    layoutComponent(group, shapes),
  );

  const cell = { width: NODE_WIDTH + NODE_GAP, height: NODE_HEIGHT + NODE_GAP };
  const area =
    components.reduce((sum, c) => sum + (c.width + COMPONENT_GAP) * (c.height + COMPONENT_GAP), 0) +
    isolatedKeys.length * cell.width * cell.height;
  const rowWidth = Math.max(
    input.viewWidth - 2 * MARGIN,
    Math.sqrt(area * TARGET_ASPECT),
    ...components.map((c) => c.width),
    NODE_WIDTH,
  );

  const nodes: LaidOutNode[] = [];
  const laidEdges: LaidOutEdge[] = [];
  const regions: LayoutRegion[] = [];
  let top = MARGIN;
  let width = 0;
  if (components.length > 0) {
    const packed = packInRows(components, rowWidth, top + CAPTION_HEIGHT);
    for (const { component, x, y } of packed.placed) {
      nodes.push(...component.nodes.map((n) => ({ ...n, x: n.x + x, y: n.y + y })));
      laidEdges.push(
        ...component.edges.map((e) => ({
          ...e,
          points: e.points.map((p) => ({ x: p.x + x, y: p.y + y })),
        })),
      );
    }
    regions.push({
      kind: 'connected',
      caption: `${connectedKeys.length} tasks linked by dependencies`,
      x: MARGIN,
      y: top,
      width: packed.width,
      height: packed.bottom - top,
    });
    width = Math.max(width, packed.width);
    top = packed.bottom + COMPONENT_GAP;
  }
  if (isolatedKeys.length > 0) {
    const columns = Math.max(1, Math.floor((rowWidth + NODE_GAP) / cell.width));
    const gridTop = top + CAPTION_HEIGHT;
    isolatedKeys.forEach((key, i) => {
      nodes.push({
        key,
        x: MARGIN + (i % columns) * cell.width,
        y: gridTop + Math.floor(i / columns) * cell.height,
        layer: -1,
      });
    });
    const rows = Math.ceil(isolatedKeys.length / columns);
    const gridWidth = Math.min(columns, isolatedKeys.length) * cell.width - NODE_GAP;
    regions.push({
      kind: 'isolated',
      caption: `${isolatedKeys.length} tasks without dependencies or dependents`,
      x: MARGIN,
      y: top,
      width: gridWidth,
      height: CAPTION_HEIGHT + rows * cell.height - NODE_GAP,
    });
    width = Math.max(width, gridWidth);
    top = gridTop + rows * cell.height - NODE_GAP;
  }
  return {
    nodes,
    edges: laidEdges,
    regions,
    width: Math.ceil(width + 2 * MARGIN),
    height: Math.ceil(top + MARGIN),
  };
}

/** Groups of keys linked by edges, largest first, ties in the order the tasks came. */
function splitComponents(keys: readonly string[], edges: readonly [string, string][]) {
  const parent = new Map(keys.map((key) => [key, key]));
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) {
      root = parent.get(root)!;
    }
    parent.set(key, root);
    return root;
  };
  for (const [from, to] of edges) {
    parent.set(find(from), find(to));
  }
  const groups = new Map<string, { keys: string[]; edges: [string, string][] }>();
  for (const key of keys) {
    const root = find(key);
    if (!groups.has(root)) {
      groups.set(root, { keys: [], edges: [] });
    }
    groups.get(root)!.keys.push(key);
  }
  for (const edge of edges) {
    groups.get(find(edge[0]))!.edges.push(edge);
  }
  return [...groups.values()].sort((a, b) => b.keys.length - a.keys.length);
}

/**
 * Lays one component out. The layout runs on local ids (`0`, `1`, … in the tasks' order), so groups of
 * the same shape (the many short chains of a large plan) give the same result and are laid out
 * once per shape.
 */
function layoutComponent(
  group: { keys: string[]; edges: [string, string][] },
  shapes: Map<string, ShapeLayout>,
): Component {
  const local = new Map(group.keys.map((key, i) => [key, i]));
  const edges = group.edges.map(([from, to]) => [local.get(from)!, local.get(to)!] as const);
  const shapeKey = `${group.keys.length}:${edges.map(([a, b]) => `${a}>${b}`).join(',')}`;
  let shape = shapes.get(shapeKey);
  if (!shape) {
    shape = layoutShape(group.keys.length, edges);
    shapes.set(shapeKey, shape);
  }
  return {
    keys: group.keys,
    nodes: shape.nodes.map((node, i) => ({ ...node, key: group.keys[i] })),
    edges: shape.edges.map((edge) => ({
      from: group.keys[edge.from],
      to: group.keys[edge.to],
      points: edge.points,
    })),
    width: shape.width,
    height: shape.height,
  };
}

interface ShapeLayout {
  nodes: { x: number; y: number; layer: number }[];
  edges: { from: number; to: number; points: Point[] }[];
  width: number;
  height: number;
}

// dagre, used before, took about half a second on a 1,000-task plan, mostly in its fixed cost per
// group; the layered layout draws the same kind of picture in tens of milliseconds.
function layoutShape(count: number, edges: readonly (readonly [number, number])[]): ShapeLayout {
  return layoutLayered(count, edges, {
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
    nodeGap: NODE_GAP,
    layerGap: LAYER_GAP,
  });
}

/** Places components left to right, starting a new row when the next would pass `rowWidth`. */
function packInRows(components: readonly Component[], rowWidth: number, top: number) {
  const placed: { component: Component; x: number; y: number }[] = [];
  let x = MARGIN;
  let y = top;
  let rowHeight = 0;
  let width = 0;
  for (const component of components) {
    if (x > MARGIN && x + component.width > MARGIN + rowWidth) {
      x = MARGIN;
      y += rowHeight + COMPONENT_GAP;
      rowHeight = 0;
    }
    placed.push({ component, x, y });
    width = Math.max(width, x + component.width - MARGIN);
    x += component.width + COMPONENT_GAP;
    rowHeight = Math.max(rowHeight, component.height);
  }
  return { placed, width, bottom: y + rowHeight };
}
