import type { DashboardTask } from '../../protocol/dashboardModel';
import { el, replaceChildren, svg } from '../dom';
import { NO_FILTERS, type BoardFilters } from '../filters';
import { MAX_DRAWN_TASKS, graphNodes, structureOf } from '../graph/graphInput';
import type { GraphLayout, LaidOutNode } from '../graph/layout';
import { NODE_HEIGHT, NODE_WIDTH } from '../graph/nodeSize';
import { LayoutClient } from '../graph/layoutClient';
import { graphLegend } from '../graph/legend';
import { nearestInDirection, type Direction } from '../graph/navigation';
import { Viewport } from '../graph/viewport';
import { STATUS_LABELS, truncate } from '../labels';

const NAME_CHARS = 31;
/** Below this zoom, node text would be under about 5 px high. */
const READABLE_SCALE = 0.45;
const ID_CHARS = 32;

function nodeClass(task: DashboardTask, selected: boolean): string {
  return [
    'node',
    `status-${task.displayStatus}`,
    task.onCriticalPath ? 'critical' : '',
    task.inBlockedChain ? 'blocked-chain' : '',
    task.inCycle ? 'cycle' : '',
    selected ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function nodeLabel(task: DashboardTask): string {
  const deps = task.dependencies.filter((dep) => dep.taskKey !== undefined).length;
  return [
    `${task.name} (${task.id})`,
    STATUS_LABELS[task.displayStatus],
    task.onCriticalPath ? 'on the critical path' : '',
    task.inBlockedChain ? 'waits on unfinished work' : '',
    task.inCycle ? 'in a dependency cycle' : '',
    `${deps} ${deps === 1 ? 'dependency' : 'dependencies'}`,
    `${task.dependents.length} ${task.dependents.length === 1 ? 'dependent' : 'dependents'}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function edgeClass(from: DashboardTask | undefined, to: DashboardTask | undefined): string {
  const blocking = from !== undefined && from.status !== 'completed';
  const critical = from?.onCriticalPath === true && to?.onCriticalPath === true;
  return ['edge', blocking ? 'blocking' : '', critical ? 'critical' : ''].filter(Boolean).join(' ');
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
    .join(' ');
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The dependency graph: the tasks the board's filters show, laid out in a web worker, drawn as
 * SVG inside a pan-and-zoom view, with the selected task's detail beside it. Laid out again only
 * when the shown tasks or their links change; a status change restyles nodes in place.
 */
export class GraphView {
  readonly element = el('div', { className: 'graph' });
  private readonly status = el('span', {
    className: 'graph-status muted',
    attrs: { role: 'status' },
  });
  private readonly zoomLabel = el('span', { className: 'graph-zoom muted' });
  private readonly canvas = svg('svg', {
    class: 'graph-svg',
    tabindex: 0,
    role: 'group',
    'aria-roledescription': 'dependency graph',
  });
  private readonly viewport = new Viewport(this.canvas, (scale) => {
    this.zoomLabel.textContent = `${Math.round(scale * 100)} %`;
    // Text too small to read is not drawn (names stay in tooltips and labels): large plans zoomed
    // out skip laying out thousands of text runs.
    this.canvas.classList.toggle('far', scale < READABLE_SCALE);
  });
  private readonly frame = el('div', { className: 'graph-frame' }, [this.canvas]);
  private frameWidth = 0;
  private readonly layoutClient = new LayoutClient();
  private readonly nodes = new Map<string, { element: SVGGElement; box: LaidOutNode }>();
  private edges: { from: string; to: string; path: SVGPathElement }[] = [];
  private tasks: readonly DashboardTask[] = [];
  private byKey: ReadonlyMap<string, DashboardTask> = new Map();
  private filters: BoardFilters = { ...NO_FILTERS };
  private structure: string | undefined;
  private selectedKey: string | undefined;
  private focusKey: string | undefined;
  private filterTimer: ReturnType<typeof setTimeout> | undefined;
  /** The next drawing is fitted to the view: the first one, and the first after a filter change. */
  private fitNext = true;

  constructor(
    private readonly onSelect: (key: string) => void,
    detail: HTMLElement,
  ) {
    const button = (label: string, iconName: string, action: () => void) => {
      const b = el('vscode-button', {
        attrs: { icon: iconName, secondary: true, 'aria-label': label, title: label },
      });
      b.addEventListener('click', action);
      return b;
    };
    const toolbar = el('div', { className: 'graph-toolbar', attrs: { role: 'toolbar' } }, [
      button('Zoom in (+)', 'zoom-in', () => this.viewport.zoomBy(1.25)),
      button('Zoom out (-)', 'zoom-out', () => this.viewport.zoomBy(0.8)),
      button('Fit the whole graph (0)', 'screen-full', () => this.viewport.fitAll()),
      button('Actual size', 'screen-normal', () => this.viewport.reset()),
      this.zoomLabel,
      this.status,
    ]);
    this.canvas.setAttribute(
      'aria-description',
      'Arrow keys move between tasks, Enter selects; on the background the arrows pan; + and - zoom, 0 fits.',
    );
    new ResizeObserver((entries) => {
      this.frameWidth = entries[entries.length - 1].contentRect.width;
    }).observe(this.frame);
    this.canvas.addEventListener('click', this.onCanvasClick);
    this.canvas.addEventListener('keydown', this.onNodeKey);
    this.canvas.addEventListener('focusin', this.onFocusIn);
    this.element.append(
      toolbar,
      graphLegend(),
      el('div', { className: 'graph-body' }, [this.frame, detail]),
    );
  }

  /** Draws again if the shown tasks or their links changed, else restyles the changed tasks. */
  update(
    tasks: readonly DashboardTask[],
    byKey: ReadonlyMap<string, DashboardTask>,
    changed?: readonly DashboardTask[],
  ): void {
    this.tasks = tasks;
    this.byKey = byKey;
    if (!this.relayoutIfChanged() && changed) {
      this.restyle(changed);
    }
  }

  /** Follows the board's filters; typing is given a moment to settle before laying out again. */
  setFilters(filters: BoardFilters): void {
    this.filters = filters;
    this.fitNext = true;
    clearTimeout(this.filterTimer);
    if (this.structure === undefined) {
      return;
    }
    this.filterTimer = setTimeout(() => this.relayoutIfChanged(), 150);
  }

  setSelected(key: string | undefined): void {
    const previous = this.selectedKey;
    this.selectedKey = key;
    for (const k of [previous, key]) {
      const task = k ? this.byKey.get(k) : undefined;
      const node = k ? this.nodes.get(k) : undefined;
      if (task && node) {
        node.element.setAttribute('class', nodeClass(task, k === key));
        node.element.setAttribute('aria-pressed', String(k === key));
      }
    }
  }

  private relayoutIfChanged(): boolean {
    const input = graphNodes(this.tasks, this.filters);
    const structure = structureOf(input);
    if (structure === this.structure) {
      return false;
    }
    this.structure = structure;
    const shownText =
      input.length === this.tasks.length
        ? `${input.length} tasks`
        : `${input.length} of ${this.tasks.length} tasks (board filters)`;
    if (input.length === 0) {
      this.clear('drawn', 'No tasks to draw.');
      return true;
    }
    if (input.length > MAX_DRAWN_TASKS) {
      this.clear(
        'too-large',
        `${shownText}: filter the board to at most ${MAX_DRAWN_TASKS.toLocaleString('en-US')} tasks to draw the graph.`,
      );
      return true;
    }
    this.element.dataset.layout = 'pending';
    this.status.textContent = `Laying out ${shownText}…`;
    // The width as last observed: reading it here would force a layout of the whole page.
    const viewWidth = this.frameWidth || Math.max(600, window.innerWidth - 400);
    const requested = performance.now();
    this.layoutClient.layout({ nodes: input, viewWidth }).then(
      (result) => {
        if (result) {
          const drawStart = performance.now();
          this.draw(result.layout);
          this.element.dataset.drawMs = (performance.now() - drawStart).toFixed(1);
          this.element.dataset.layoutMs = result.ms.toFixed(1);
          this.element.dataset.roundTripMs = (performance.now() - requested).toFixed(1);
          this.status.textContent = shownText;
          this.element.dataset.layout = 'drawn';
        }
      },
      (error: Error) => this.clear('error', `The graph could not be laid out: ${error.message}`),
    );
    return true;
  }

  private clear(state: string, message: string): void {
    this.nodes.clear();
    this.edges = [];
    replaceChildren(this.viewport.world, []);
    this.status.textContent = message;
    this.element.dataset.layout = state;
  }

  private restyle(changed: readonly DashboardTask[]): void {
    const touched = new Set(changed.map((task) => task.key));
    for (const task of changed) {
      const node = this.nodes.get(task.key)?.element;
      if (node) {
        node.setAttribute('class', nodeClass(task, task.key === this.selectedKey));
        node.setAttribute('aria-label', nodeLabel(task));
        node.querySelector('.node-name')!.textContent = truncate(task.name, NAME_CHARS);
        node.querySelector('.node-id')!.textContent = truncate(task.id, ID_CHARS);
        node.querySelector('title')!.textContent = `${task.name}\n${task.id}`;
      }
    }
    for (const { from, to, path } of this.edges) {
      if (touched.has(from) || touched.has(to)) {
        path.setAttribute('class', edgeClass(this.byKey.get(from), this.byKey.get(to)));
      }
    }
  }

  private draw(layout: GraphLayout): void {
    this.nodes.clear();
    const regionLayer = svg(
      'g',
      { class: 'regions', 'aria-hidden': 'true' },
      layout.regions.map((region) =>
        svg('g', { class: `region region-${region.kind}` }, [
          svg('text', { class: 'region-caption', x: region.x, y: region.y + 14 }, [region.caption]),
        ]),
      ),
    );
    const edgeLayer = svg('g', { class: 'edges', 'aria-hidden': 'true' });
    this.edges = layout.edges.map((edge) => {
      const path = svg('path', {
        d: pathOf(edge.points),
        class: edgeClass(this.byKey.get(edge.from), this.byKey.get(edge.to)),
        'marker-end': 'url(#graph-arrow)',
      });
      edgeLayer.append(path);
      return { from: edge.from, to: edge.to, path };
    });
    const nodeLayer = svg('g', { class: 'nodes' });
    for (const box of layout.nodes) {
      const task = this.byKey.get(box.key);
      if (!task) {
        continue;
      }
      const selected = task.key === this.selectedKey;
      const node = svg(
        'g',
        {
          class: nodeClass(task, selected),
          transform: `translate(${box.x.toFixed(1)} ${box.y.toFixed(1)})`,
          'data-task-key': task.key,
          role: 'button',
          tabindex: -1,
          'aria-pressed': String(selected),
          'aria-label': nodeLabel(task),
        },
        [
          svg('title', {}, [`${task.name}\n${task.id}`]),
          svg('rect', { class: 'node-box', width: NODE_WIDTH, height: NODE_HEIGHT, rx: 4 }),
          svg('rect', { class: 'node-stripe', width: 5, height: NODE_HEIGHT, rx: 2 }),
          svg('text', { x: 12, y: 17, class: 'node-id' }, [truncate(task.id, ID_CHARS)]),
          svg('text', { x: 12, y: 34, class: 'node-name' }, [truncate(task.name, NAME_CHARS)]),
        ],
      );
      this.nodes.set(task.key, { element: node, box });
      nodeLayer.append(node);
    }
    replaceChildren(this.viewport.world, [
      svg('defs', {}, [
        svg(
          'marker',
          {
            id: 'graph-arrow',
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
      regionLayer,
      edgeLayer,
      nodeLayer,
    ]);
    this.canvas.setAttribute(
      'aria-label',
      `Dependency graph: ${this.nodes.size} tasks, ${this.edges.length} dependency links`,
    );
    this.element.dataset.nodes = String(this.nodes.size);
    // One node takes Tab: the selected one, the one focused before, else the first.
    const tabKey = [this.selectedKey, this.focusKey].find((k) => k && this.nodes.has(k));
    this.setTabStop(tabKey ?? layout.nodes[0]?.key);
    this.viewport.setContent({ width: layout.width, height: layout.height }, this.fitNext);
    this.fitNext = false;
  }

  private setTabStop(key: string | undefined): void {
    const previous = this.focusKey ? this.nodes.get(this.focusKey) : undefined;
    previous?.element.setAttribute('tabindex', '-1');
    this.focusKey = key;
    const node = key ? this.nodes.get(key) : undefined;
    node?.element.setAttribute('tabindex', '0');
  }

  private keyOf(target: EventTarget | null): string | undefined {
    const node = (target as Element | null)?.closest?.('.node[data-task-key]');
    return node?.getAttribute('data-task-key') ?? undefined;
  }

  private readonly onCanvasClick = (event: MouseEvent): void => {
    const key = this.keyOf(event.target);
    if (key) {
      this.setTabStop(key);
      this.onSelect(key);
    }
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const key = this.keyOf(event.target);
    const node = key ? this.nodes.get(key) : undefined;
    if (key && node) {
      this.setTabStop(key);
      this.viewport.reveal({ ...node.box, width: NODE_WIDTH, height: NODE_HEIGHT });
    }
  };

  private readonly onNodeKey = (event: KeyboardEvent): void => {
    const key = this.keyOf(event.target);
    if (!key) {
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.onSelect(key);
      return;
    }
    const direction = ARROWS[event.key];
    if (!direction) {
      return;
    }
    event.preventDefault();
    const boxes = [...this.nodes.values()].map((n) => n.box);
    const next = nearestInDirection(boxes, key, direction);
    const node = next ? this.nodes.get(next) : undefined;
    if (next && node) {
      this.setTabStop(next);
      (node.element as unknown as HTMLElement).focus();
    }
  };
}
