import type { HistoryPoint } from '../../protocol/dashboardModel';
import { el, replaceChildren, svg } from '../dom';

const WIDTH = 640;
const HEIGHT = 180;
const PAD = 32;

/** Completion over time from saved snapshots, as an SVG line. */
export class HistoryView {
  readonly element = el('div', { className: 'history' });

  render(history: readonly HistoryPoint[]): void {
    const points = [...history]
      .filter((point) => !Number.isNaN(Date.parse(point.date)))
      .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
    if (points.length === 0) {
      replaceChildren(this.element, [el('p', { className: 'muted', text: 'No snapshots yet.' })]);
      return;
    }
    const first = Date.parse(points[0].date);
    const span = Math.max(1, Date.parse(points[points.length - 1].date) - first);
    const x = (date: string) => PAD + ((Date.parse(date) - first) / span) * (WIDTH - 2 * PAD);
    const y = (percent: number) =>
      HEIGHT - PAD - (Math.min(100, Math.max(0, percent)) / 100) * (HEIGHT - 2 * PAD);
    const coordinates = points.map(
      (p) => `${x(p.date).toFixed(1)},${y(p.completionPercentage).toFixed(1)}`,
    );
    const chart = svg(
      'svg',
      {
        class: 'history-chart',
        viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
        role: 'img',
        'aria-label': `Completion from ${points[0].completionPercentage}% to ${points[points.length - 1].completionPercentage}% over ${points.length} snapshots`,
      },
      [
        svg('line', {
          class: 'axis',
          x1: PAD,
          y1: HEIGHT - PAD,
          x2: WIDTH - PAD,
          y2: HEIGHT - PAD,
        }),
        svg('line', { class: 'axis', x1: PAD, y1: PAD, x2: PAD, y2: HEIGHT - PAD }),
        svg('text', { x: 2, y: PAD + 4, class: 'axis-label' }, ['100%']),
        svg('text', { x: 2, y: HEIGHT - PAD + 4, class: 'axis-label' }, ['0%']),
        svg('text', { x: PAD, y: HEIGHT - 8, class: 'axis-label' }, [points[0].date.slice(0, 10)]),
        svg('text', { x: WIDTH - PAD, y: HEIGHT - 8, class: 'axis-label', 'text-anchor': 'end' }, [
          points[points.length - 1].date.slice(0, 10),
        ]),
        svg('polyline', { class: 'history-line', points: coordinates.join(' ') }),
        ...points.map((p) =>
          svg(
            'circle',
            { class: 'history-point', cx: x(p.date), cy: y(p.completionPercentage), r: 3 },
            [svg('title', {}, [`${p.date}: ${p.completionPercentage}%`])],
          ),
        ),
      ],
    );
    replaceChildren(this.element, [chart]);
  }
}
