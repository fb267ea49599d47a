import type {
  CountByStatus,
  DashboardCriteriaPeriod,
  DashboardCriterion,
  DashboardViewModel,
  OwnerProgress,
} from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';

function progressRow(label: string, counts: CountByStatus, extra = ''): HTMLElement {
  const percent = counts.total === 0 ? 0 : Math.round((counts.completed / counts.total) * 100);
  const bar = el('div', {
    className: 'bar',
    attrs: {
      role: 'progressbar',
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': percent,
      'aria-label': `${label}: ${percent}% complete`,
    },
  });
  const segment = (className: string, count: number) => {
    const part = el('span', { className: `bar-part ${className}` });
    part.style.width = `${counts.total === 0 ? 0 : (count / counts.total) * 100}%`;
    return part;
  };
  bar.append(
    segment('completed', counts.completed),
    segment('in-progress', counts.inProgress),
    segment('waiting', counts.waitingOrBlocked),
  );
  return el('div', { className: 'progress-row' }, [
    el('span', { className: 'progress-label', text: label, title: label }),
    bar,
    el('span', {
      className: 'progress-figures muted',
      text: `${counts.completed}/${counts.total} done · ${counts.inProgress} active · ${counts.waitingOrBlocked} waiting${extra}`,
    }),
  ]);
}

export class ProgressView {
  readonly element = el('div', { className: 'progress-columns' });

  render(model: DashboardViewModel): void {
    replaceChildren(this.element, [
      el('div', {}, [
        el('h3', { text: 'By owner' }),
        ...model.byOwner.map((row) => progressRow(row.owner, row, ownerMeasures(row))),
      ]),
      el('div', {}, [
        el('h3', { text: 'By priority' }),
        ...model.byPriority.map((row) => progressRow(row.priority, row)),
      ]),
      el('div', { className: 'success-criteria' }, [
        el('h3', { text: 'Success criteria' }),
        el('ul', { className: 'criteria' }, model.successCriteria.map(criterionItem)),
        ...overTime(model.successOverTime),
      ]),
    ]);
  }
}

function ownerMeasures(row: OwnerProgress): string {
  const worked = row.actualHours !== undefined ? ` · ${row.actualHours} h worked` : '';
  const off =
    row.outsideEstimate !== undefined && row.outsideEstimate > 0
      ? ` · ${row.outsideEstimate} off estimate`
      : '';
  return `${worked}${off}`;
}

/** The criteria per day or week, newest first: what was done, and what slipped. */
function overTime(periods: readonly DashboardCriteriaPeriod[]): HTMLElement[] {
  if (periods.length === 0) {
    return [];
  }
  const unit = periods[0]!.unit;
  const rows = [...periods].reverse().map((period) =>
    el('tr', { className: 'criteria-period' }, [
      el('td', { text: unit === 'week' ? `week of ${period.start}` : period.start }),
      el('td', { text: String(period.completed) }),
      el('td', {
        className: period.outsideEstimate > 0 ? 'not-met' : '',
        text:
          period.judged === 0 ? '–' : `${period.judged - period.outsideEstimate}/${period.judged}`,
      }),
      el('td', {
        className: period.reviewsLate > 0 ? 'not-met' : '',
        text: `${period.reviewsApproved} approved${period.reviewsLate > 0 ? `, ${period.reviewsLate} late` : ''}`,
      }),
      el('td', {
        className: period.snapshotDays < period.days ? 'not-met' : '',
        text: `${period.snapshotDays}/${period.days}${period.completionPercentage !== undefined ? ` · ${period.completionPercentage}%` : ''}`,
      }),
    ]),
  );
  return [
    el('h3', { text: unit === 'week' ? 'Week by week' : 'Day by day' }),
    el('table', { className: 'table criteria-over-time' }, [
      el('thead', {}, [
        el(
          'tr',
          {},
          [unit === 'week' ? 'Week' : 'Day', 'Done', 'Within estimate', 'Reviews', 'Snapshots'].map(
            (h) => el('th', { text: h }),
          ),
        ),
      ]),
      el('tbody', {}, rows),
    ]),
  ];
}

function criterionItem(criterion: DashboardCriterion): HTMLElement {
  const [name, label] =
    criterion.met === true
      ? ['pass', 'met']
      : criterion.met === false
        ? ['error', 'not met']
        : ['circle-slash', 'not measured'];
  return el('li', { className: `criterion ${label.replace(' ', '-')}`, title: criterion.detail }, [
    icon(name, label),
    el('span', { text: ` ${criterion.label}: ` }),
    el('span', { className: 'muted', text: criterion.detail }),
  ]);
}
