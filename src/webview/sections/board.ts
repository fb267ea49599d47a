import type { DisplayStatus } from '../../kernel/model/types';
import type { DashboardTask } from '../../protocol/dashboardModel';
import { el, icon, makeActivatable } from '../dom';
import { matchesFilters, type BoardFilters } from '../filters';
import { BOARD_COLUMNS, STATUS_ICONS, STATUS_LABELS, formatHours, truncate } from '../labels';

/** Cards a column shows at first, and how many more each "Show more" adds. */
export const BOARD_PAGE = 8;

interface Column {
  status: DisplayStatus;
  section: HTMLElement;
  list: HTMLElement;
  count: HTMLElement;
  /** Tasks in this column, in file order. */
  tasks: DashboardTask[];
  limit: number;
}

function taskCard(task: DashboardTask): HTMLElement {
  const flags = [
    task.onCriticalPath &&
      el('span', { className: 'flag critical', title: 'On the critical path' }, [
        icon('flame'),
        ' critical path',
      ]),
    task.inBlockedChain &&
      el('span', { className: 'flag blocked', title: 'Waits on unfinished work' }, [
        icon('debug-pause'),
        ' waiting on deps',
      ]),
    task.criticalReview &&
      el('span', { className: 'flag review', title: 'Needs a critical review' }, [
        icon('eye'),
        ' review',
      ]),
    task.pullRequest &&
      el(
        'span',
        {
          className: `flag ci-${task.pullRequest.ci}`,
          title: `PR ${task.pullRequest.state}, CI ${task.pullRequest.ci}`,
        },
        [icon('git-pull-request'), ` #${task.pullRequest.number}`],
      ),
    task.worktree &&
      el('span', { className: 'flag', title: task.worktree.path }, [
        icon('list-tree'),
        ' worktree',
      ]),
    task.onBranches &&
      el('span', { className: 'flag on-branches', title: task.onBranches.join('\n') }, [
        icon('git-branch'),
        task.onBranches.length === 1 ? ' on a branch' : ` on ${task.onBranches.length} branches`,
      ]),
  ];
  const card = el(
    'article',
    {
      className: `task-card priority-${task.priority ?? 'none'}`,
      dataset: { taskKey: task.key },
      attrs: { 'aria-label': `${task.name}, ${STATUS_LABELS[task.displayStatus]}` },
    },
    [
      el('div', { className: 'task-card-top' }, [
        el('span', { className: 'task-id mono', text: truncate(task.id, 40), title: task.key }),
        el('span', { className: `tag priority-tag`, text: task.priority ?? 'no priority' }),
      ]),
      el('div', { className: 'task-name', text: truncate(task.name, 200), title: task.name }),
      el('div', { className: 'task-meta muted' }, [
        el('span', { className: 'task-owner', text: truncate(task.owner, 60) }),
        ` · ${formatHours(task.estimateHours)}`,
        task.progressPercentage !== undefined ? ` · ${task.progressPercentage}%` : '',
      ]),
      el('div', { className: 'flags' }, flags),
    ],
  );
  return card;
}

/**
 * The task board: one column per status, cards in file order. Each column draws only its first
 * cards (a "Show more" button adds a page) and scrolls within a bounded height, so the page stays
 * short however many tasks the plan holds. Arrow keys move between cards and columns.
 */
export class BoardView {
  readonly element = el('div', { className: 'board' });
  private readonly columns = new Map<DisplayStatus, Column>();
  private readonly cards = new Map<string, { element: HTMLElement; task: DashboardTask }>();
  private selectedKey: string | undefined;

  constructor(
    private filters: BoardFilters,
    private readonly onSelect: (key: string) => void,
  ) {
    for (const status of BOARD_COLUMNS) {
      const count = el('span', { className: 'column-count' });
      const list = el('div', {
        className: 'column-list',
        attrs: { role: 'group', 'aria-label': STATUS_LABELS[status] },
      });
      const section = el('section', { className: `column column-${status}`, dataset: { status } }, [
        el('h3', { className: 'column-title' }, [
          icon(STATUS_ICONS[status]),
          ` ${STATUS_LABELS[status]} `,
          count,
        ]),
        list,
      ]);
      this.columns.set(status, { status, section, list, count, tasks: [], limit: BOARD_PAGE });
      this.element.append(section);
    }
    this.element.addEventListener('keydown', this.onKeyDown);
  }

  renderAll(tasks: readonly DashboardTask[]): void {
    this.cards.clear();
    for (const column of this.columns.values()) {
      column.tasks = [];
    }
    for (const task of tasks) {
      this.columns.get(task.displayStatus)?.tasks.push(task);
    }
    for (const column of this.columns.values()) {
      this.renderColumn(column);
    }
  }

  /** Redraws only the columns a changed or removed task left or joined. */
  updateTasks(changed: readonly DashboardTask[], removed: readonly string[]): void {
    const gone = new Set([...removed, ...changed.map((task) => task.key)]);
    const touched = new Set<Column>();
    for (const column of this.columns.values()) {
      const before = column.tasks.length;
      column.tasks = column.tasks.filter((task) => !gone.has(task.key));
      if (column.tasks.length !== before) {
        touched.add(column);
      }
    }
    for (const key of removed) {
      this.cards.delete(key);
    }
    for (const task of changed) {
      const column = this.columns.get(task.displayStatus);
      if (!column) {
        continue;
      }
      const at = column.tasks.findIndex((other) => other.index > task.index);
      column.tasks.splice(at === -1 ? column.tasks.length : at, 0, task);
      touched.add(column);
    }
    const focusedKey = (document.activeElement as HTMLElement | null)?.closest?.<HTMLElement>(
      '.task-card',
    )?.dataset.taskKey;
    for (const column of touched) {
      this.renderColumn(column);
    }
    if (focusedKey && gone.has(focusedKey)) {
      this.cards.get(focusedKey)?.element.focus();
    }
  }

  setFilters(filters: BoardFilters): void {
    this.filters = filters;
    for (const column of this.columns.values()) {
      column.limit = BOARD_PAGE;
      this.renderColumn(column);
    }
  }

  setSelected(key: string | undefined): void {
    this.cards.get(this.selectedKey ?? '')?.element.classList.remove('selected');
    this.selectedKey = key;
    this.cards.get(key ?? '')?.element.classList.add('selected');
  }

  /** Shows the task's card (paging its column on if needed), scrolls to it and focuses it. */
  focusTask(key: string): void {
    for (const column of this.columns.values()) {
      const shown = column.tasks.filter((task) => matchesFilters(task, this.filters));
      const at = shown.findIndex((task) => task.key === key);
      if (at === -1) {
        continue;
      }
      if (at >= column.limit) {
        column.limit = (Math.floor(at / BOARD_PAGE) + 1) * BOARD_PAGE;
        this.renderColumn(column);
      }
      const card = this.cards.get(key)?.element;
      card?.scrollIntoView({ block: 'nearest' });
      card?.focus();
      return;
    }
  }

  private renderColumn(column: Column): void {
    const shown = column.tasks.filter((task) => matchesFilters(task, this.filters));
    const visible = shown.slice(0, column.limit).map((task) => this.cardFor(task));
    const rest = shown.length - visible.length;
    const more =
      rest > 0
        ? el('button', {
            className: 'show-more link-button',
            text: `Show ${Math.min(BOARD_PAGE * 2, rest)} more (${rest} not shown)`,
          })
        : undefined;
    more?.addEventListener('click', () => {
      const firstNew = column.limit;
      column.limit += BOARD_PAGE * 2;
      this.renderColumn(column);
      const next = column.list.querySelectorAll<HTMLElement>('.task-card')[firstNew];
      next?.focus();
    });
    column.list.replaceChildren(...visible, ...(more ? [more] : []));
    const total = column.tasks.length;
    column.count.textContent =
      shown.length === total ? `(${total})` : `(${shown.length} of ${total})`;
    // An empty status takes no room; it comes back when a task reaches it.
    column.section.hidden = total === 0;
  }

  private cardFor(task: DashboardTask): HTMLElement {
    const cached = this.cards.get(task.key);
    if (cached && cached.task === task) {
      return cached.element;
    }
    const element = taskCard(task);
    makeActivatable(element, () => this.onSelect(task.key));
    if (task.key === this.selectedKey) {
      element.classList.add('selected');
    }
    this.cards.set(task.key, { element, task });
    return element;
  }

  /** Up and Down move within a column, Left and Right to the neighbouring column; Home and End. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const card = (event.target as HTMLElement).closest?.<HTMLElement>('.task-card');
    if (!card || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const visibleColumns = [...this.columns.values()].filter((c) => !c.section.hidden);
    const columnIndex = visibleColumns.findIndex((c) => c.list.contains(card));
    const cardsOf = (c: Column) => [...c.list.querySelectorAll<HTMLElement>('.task-card')];
    const own = cardsOf(visibleColumns[columnIndex]);
    const row = own.indexOf(card);
    let target: HTMLElement | undefined;
    if (event.key === 'ArrowDown') {
      target = own[row + 1];
    } else if (event.key === 'ArrowUp') {
      target = own[row - 1];
    } else if (event.key === 'Home') {
      target = own[0];
    } else if (event.key === 'End') {
      target = own[own.length - 1];
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const step = event.key === 'ArrowLeft' ? -1 : 1;
      for (let i = columnIndex + step; i >= 0 && i < visibleColumns.length; i += step) {
        const others = cardsOf(visibleColumns[i]);
        if (others.length > 0) {
          target = others[Math.min(row, others.length - 1)];
          break;
        }
      }
    } else {
      return;
    }
    event.preventDefault();
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  };
}
