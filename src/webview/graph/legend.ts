import type { DisplayStatus } from '../../kernel/model/types';
import { el, svg } from '../dom';
import { BOARD_COLUMNS, STATUS_LABELS } from '../labels';
import type { Child } from '../dom';

function swatch(children: Child[]): SVGSVGElement {
  return svg(
    'svg',
    { class: 'legend-swatch', width: 28, height: 14, 'aria-hidden': 'true' },
    children,
  );
}

function nodeSwatch(className: string): SVGSVGElement {
  return swatch([
    svg('g', { class: className }, [
      svg('rect', { class: 'node-box', x: 1, y: 1, width: 26, height: 12, rx: 2 }),
      svg('rect', { class: 'node-stripe', x: 1, y: 1, width: 5, height: 12 }),
    ]),
  ]);
}

function edgeSwatch(className: string): SVGSVGElement {
  return swatch([svg('path', { class: className, d: 'M 1 7 L 27 7' })]);
}

function entry(mark: SVGSVGElement, label: string): HTMLElement {
  return el('li', { className: 'legend-entry' }, [mark, ` ${label}`]);
}

function statusEntry(status: DisplayStatus): HTMLElement {
  return entry(nodeSwatch(`node status-${status}`), STATUS_LABELS[status]);
}

/** Every style the graph draws, each drawn the way the graph draws it. */
export function graphLegend(): HTMLElement {
  return el('div', { className: 'graph-legend', attrs: { 'aria-label': 'Graph legend' } }, [
    el('ul', { className: 'legend-group', attrs: { 'aria-label': 'Status (left stripe)' } }, [
      el('li', { className: 'legend-title muted', text: 'Status' }),
      ...BOARD_COLUMNS.map(statusEntry),
    ]),
    el('ul', { className: 'legend-group', attrs: { 'aria-label': 'Outlines' } }, [
      el('li', { className: 'legend-title muted', text: 'Outline' }),
      entry(nodeSwatch('node critical'), 'critical path'),
      entry(nodeSwatch('node blocked-chain'), 'waits on unfinished work'),
      entry(nodeSwatch('node cycle'), 'in a dependency cycle'),
      entry(nodeSwatch('node selected'), 'selected'),
    ]),
    el('ul', { className: 'legend-group', attrs: { 'aria-label': 'Arrows' } }, [
      el('li', { className: 'legend-title muted', text: 'Arrow (dependency → dependent)' }),
      entry(edgeSwatch('edge'), 'dependency done'),
      entry(edgeSwatch('edge blocking'), 'dependency not done yet'),
      entry(edgeSwatch('edge critical'), 'on the critical path'),
    ]),
  ]);
}
