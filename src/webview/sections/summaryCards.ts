import type { DashboardSummary } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';
import { formatHours } from '../labels';

interface CardSpec {
  id: string;
  label: string;
  icon: string;
  value: (summary: DashboardSummary) => string;
  detail?: (summary: DashboardSummary) => string;
}

const optional = (value: number | undefined) => (value === undefined ? '—' : String(value));

const CARDS: readonly CardSpec[] = [
  { id: 'total', label: 'Tasks', icon: 'checklist', value: (s) => String(s.total) },
  { id: 'inProgress', label: 'In progress', icon: 'pulse', value: (s) => String(s.inProgress) },
  { id: 'completed', label: 'Completed', icon: 'pass', value: (s) => String(s.completed) },
  {
    id: 'blocked',
    label: 'Blocked / waiting',
    icon: 'error',
    value: (s) => String(s.blocked + s.waiting),
    detail: (s) => `${s.blocked} blocked, ${s.waiting} waiting`,
  },
  { id: 'ready', label: 'Ready', icon: 'play-circle', value: (s) => String(s.ready) },
  {
    id: 'completion',
    label: 'Complete',
    icon: 'graph',
    value: (s) => `${s.completionPercentage}%`,
  },
  {
    id: 'hours',
    label: 'Hours spent / estimated',
    icon: 'clock',
    value: (s) => `${formatHours(s.hoursSpent)} / ${formatHours(s.hoursEstimated)}`,
    detail: (s) => `${formatHours(s.hoursRemaining)} remaining`,
  },
  {
    id: 'guardrails',
    label: 'Required guardrails passing',
    icon: 'shield',
    value: (s) => `${s.requiredGuardrailsPassing} / ${s.requiredGuardrails}`,
  },
  {
    id: 'openPrs',
    label: 'Open PRs',
    icon: 'git-pull-request',
    value: (s) => optional(s.openPullRequests),
  },
  {
    id: 'ciFailures',
    label: 'CI failures',
    icon: 'run-errors',
    value: (s) => optional(s.ciFailures),
  },
  { id: 'worktrees', label: 'Worktrees', icon: 'list-tree', value: (s) => optional(s.worktrees) },
];

export class SummaryCardsView {
  readonly element = el('div', { className: 'cards', attrs: { role: 'list' } });

  render(summary: DashboardSummary): void {
    replaceChildren(
      this.element,
      CARDS.map((card) =>
        el('div', { className: 'card', attrs: { role: 'listitem' }, dataset: { card: card.id } }, [
          el('div', { className: 'card-label' }, [icon(card.icon), ` ${card.label}`]),
          el('div', { className: 'card-value', text: card.value(summary) }),
          card.detail && el('div', { className: 'card-detail muted', text: card.detail(summary) }),
        ]),
      ),
    );
  }
}
