import dagre from '@dagrejs/dagre';
import type { DashboardTask } from '../protocol/dashboardModel';

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 40;

/** Above this many tasks the graph shows only tasks with a task dependency or a dependent. */
export const SHOW_ALL_TASKS_UP_TO = 150;

/**
 * dagre's layout grows faster than linearly (in the page, about 290 ms for 830 connected nodes),
 * so large plans show at most this many: the critical path, then blocked chains, then the rest.
 */
export const MAX_GRAPH_NODES = 150;

export interface LaidOutNode {
  key: string;
  x: number;
  y: number;
}

export interface LaidOutEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
  /** Tasks left out because they have no task dependency and no dependent. */
  omitted: number;
}

/** The tasks the graph draws: all of them for small plans, else the most telling connected ones. */
export function graphTasks(tasks: readonly DashboardTask[]): DashboardTask[] {
  if (tasks.length <= SHOW_ALL_TASKS_UP_TO) {
    return [...tasks];
  }
  const connected = tasks.filter(
    (task) =>
      task.dependents.length > 0 || task.dependencies.some((dep) => dep.taskKey !== undefined),
  );
  if (connected.length <= MAX_GRAPH_NODES) {
    return connected;
  }
  const rank = (task: DashboardTask) =>
    task.onCriticalPath ? 0 : task.inBlockedChain ? 1 : task.status !== 'completed' ? 2 : 3;
  const chosen = new Set(
    [...connected]
      .sort((a, b) => rank(a) - rank(b) || a.index - b.index)
      .slice(0, MAX_GRAPH_NODES)
      .map((task) => task.key),
  );
  return connected.filter((task) => chosen.has(task.key));
}

/** Lays the dependency graph out left to right, dependencies before their dependents. */
export function layoutGraph(tasks: readonly DashboardTask[]): GraphLayout {
  const shown = graphTasks(tasks);
  const keys = new Set(shown.map((task) => task.key));
  const graph = new dagre.graphlib.Graph();
  // The tight-tree ranker is several times faster than the default network simplex on large plans.
  graph.setGraph({
    rankdir: 'LR',
    nodesep: 14,
    ranksep: 48,
    marginx: 8,
    marginy: 8,
    ranker: 'tight-tree',
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const task of shown) {
    graph.setNode(task.key, { width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  for (const task of shown) {
    for (const dep of task.dependencies) {
      if (dep.taskKey !== undefined && keys.has(dep.taskKey) && dep.taskKey !== task.key) {
        graph.setEdge(dep.taskKey, task.key);
      }
    }
  }
  dagre.layout(graph);
  const label = graph.graph();
  return {
    nodes: graph.nodes().map((key) => {
      const node = graph.node(key);
      return { key, x: node.x ?? 0, y: node.y ?? 0 };
    }),
    edges: graph.edges().map((edge) => ({
      from: edge.v,
      to: edge.w,
      points: (graph.edge(edge).points ?? []).map((p: { x: number; y: number }) => ({
        x: p.x,
        y: p.y,
      })),
    })),
    width: label.width ?? 0,
    height: label.height ?? 0,
    omitted: tasks.length - shown.length,
  };
}
