import type { DashboardTask } from '../../protocol/dashboardModel';
import { el, makeActivatable, replaceChildren, svg } from '../dom';
import { NODE_HEIGHT, NODE_WIDTH, layoutGraph, type LaidOutEdge } from '../graphLayout';
import { STATUS_LABELS, truncate } from '../labels';

function nodeClass(task: DashboardTask): string {
  return [
    'node',
    `status-${task.displayStatus}`,
    task.onCriticalPath ? 'critical' : '',
    task.inBlockedChain ? 'blocked-chain' : '',
    task.inCycle ? 'cycle' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function edgeClass(from: DashboardTask | undefined, to: DashboardTask | undefined): string {
  const blocking =
    from !== undefined &&
    to !== undefined &&
    from.status !== 'completed' &&
    to.status !== 'completed';
  const critical = from?.onCriticalPath === true && to?.onCriticalPath === true;
  return ['edge', blocking ? 'blocking' : '', critical ? 'critical' : ''].filter(Boolean).join(' ');
}

function pathOf(edge: LaidOutEdge): string {
  return edge.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(' ');
}

/** The dependency graph as SVG, laid out by dagre; re-laid out only when its structure changes. */
export class GraphView {
  readonly element = el('div', { className: 'graph' });
  private readonly nodes = new Map<string, SVGGElement>();
  private readonly edges: { edge: LaidOutEdge; path: SVGPathElement }[] = [];
  private structure = '';

  constructor(private readonly onActivate: (key: string) => void) {}

  /** Draws the graph again if its structure changed, else restyles the changed tasks' nodes and edges. */
  update(
    tasks: readonly DashboardTask[],
    byKey: ReadonlyMap<string, DashboardTask>,
    changed?: readonly DashboardTask[],
  ): void {
    // Which nodes a large plan shows is chosen when the structure changes, not on every status change.
    const structure = tasks
      .map((task) => `${task.key}>${task.dependencies.map((dep) => dep.taskKey ?? '').join(',')}`)
      .join('|');
    if (changed === undefined || structure !== this.structure) {
      this.structure = structure;
      this.draw(tasks, byKey);
      return;
    }
    const touched = new Set(changed.map((task) => task.key));
    for (const task of changed) {
      const node = this.nodes.get(task.key);
      if (node) {
        node.setAttribute('class', nodeClass(task));
        node.setAttribute('aria-label', `${task.name}, ${STATUS_LABELS[task.displayStatus]}`);
        node.querySelector('.node-name')!.textContent = truncate(task.name, 26);
        node.querySelector('title')!.textContent = task.name;
      }
    }
    for (const { edge, path } of this.edges) {
      if (touched.has(edge.from) || touched.has(edge.to)) {
        path.setAttribute('class', edgeClass(byKey.get(edge.from), byKey.get(edge.to)));
      }
    }
  }

  private draw(tasks: readonly DashboardTask[], byKey: ReadonlyMap<string, DashboardTask>): void {
    this.nodes.clear();
    this.edges.length = 0;
    const layout = layoutGraph(tasks);
    if (layout.nodes.length === 0) {
      replaceChildren(this.element, [el('p', { className: 'muted', text: 'No tasks to draw.' })]);
      return;
    }
    const edgeLayer = svg('g', { class: 'edges' });
    for (const edge of layout.edges) {
      const path = svg('path', {
        d: pathOf(edge),
        class: edgeClass(byKey.get(edge.from), byKey.get(edge.to)),
        'marker-end': 'url(#arrow)',
      });
      this.edges.push({ edge, path });
      edgeLayer.append(path);
    }
    const nodeLayer = svg('g', { class: 'nodes' });
    for (const laidOut of layout.nodes) {
      const task = byKey.get(laidOut.key);
      if (!task) {
        continue;
      }
      const node = svg(
        'g',
        {
          class: nodeClass(task),
          transform: `translate(${(laidOut.x - NODE_WIDTH / 2).toFixed(1)} ${(laidOut.y - NODE_HEIGHT / 2).toFixed(1)})`,
          'data-task-key': task.key,
          'aria-label': `${task.name}, ${STATUS_LABELS[task.displayStatus]}`,
        },
        [
          svg('title', {}, [task.name]),
          svg('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 4 }),
          svg('text', { x: 8, y: 15, class: 'node-id' }, [truncate(task.id, 28)]),
          svg('text', { x: 8, y: 31, class: 'node-name' }, [truncate(task.name, 26)]),
        ],
      );
      makeActivatable(node, () => this.onActivate(task.key));
      this.nodes.set(task.key, node);
      nodeLayer.append(node);
    }
    const drawing = svg(
      'svg',
      {
        class: 'graph-svg',
        width: Math.ceil(layout.width),
        height: Math.ceil(layout.height),
        viewBox: `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`,
        role: 'group',
        'aria-label': `Dependency graph of ${layout.nodes.length} tasks`,
      },
      [
        svg('defs', {}, [
          svg(
            'marker',
            {
              id: 'arrow',
              viewBox: '0 0 10 10',
              refX: 10,
              refY: 5,
              markerWidth: 6,
              markerHeight: 6,
              orient: 'auto-start-reverse',
            },
            [svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' })],
          ),
        ]),
        edgeLayer,
        nodeLayer,
      ],
    );
    const legend = el('p', { className: 'graph-legend muted' }, [
      el('span', { className: 'legend critical', text: 'critical path' }),
      el('span', { className: 'legend blocked-chain', text: 'waiting on unfinished work' }),
      layout.omitted > 0
        ? ` · showing ${layout.nodes.length} of ${tasks.length} tasks (tasks without dependencies, and beyond the first ${layout.nodes.length} connected ones, are left out)`
        : '',
    ]);
    replaceChildren(this.element, [legend, el('div', { className: 'graph-scroll' }, [drawing])]);
  }
}
