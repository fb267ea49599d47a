import type { DisplayStatus } from '../../kernel/model/types';
import type { DashboardTask } from '../../protocol/dashboardModel';
import { el, icon, makeActivatable } from '../dom';
import { matchesFilters, type BoardFilters } from '../filters';
import { BOARD_COLUMNS, STATUS_ICONS, STATUS_LABELS, formatHours, truncate } from '../labels';

interface Column {
  status: DisplayStatus;
  list: HTMLElement;
  count: HTMLElement;
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

/** The task board: one column per status, cards in file order, updated card by card. */
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
        attrs: { 'aria-label': STATUS_LABELS[status] },
      });
      this.columns.set(status, { status, list, count });
      this.element.append(
        el('section', { className: `column column-${status}`, dataset: { status } }, [
          el('h3', { className: 'column-title' }, [
            icon(STATUS_ICONS[status]),
            ` ${STATUS_LABELS[status]} `,
            count,
          ]),
          list,
        ]),
      );
    }
  }

  renderAll(tasks: readonly DashboardTask[]): void {
    this.cards.clear();
    const byColumn = new Map<DisplayStatus, HTMLElement[]>(
      BOARD_COLUMNS.map((status) => [status, []]),
    );
    for (const task of tasks) {
      const element = this.createCard(task);
      byColumn.get(task.displayStatus)?.push(element);
    }
    for (const column of this.columns.values()) {
      column.list.replaceChildren(...(byColumn.get(column.status) ?? []));
    }
    this.updateCounts();
  }

  /** Replaces only the cards of changed tasks and drops removed ones. */
  updateTasks(changed: readonly DashboardTask[], removed: readonly string[]): void {
    for (const key of removed) {
      this.cards.get(key)?.element.remove();
      this.cards.delete(key);
    }
    for (const task of changed) {
      const previous = this.cards.get(task.key);
      const hadFocus = previous !== undefined && previous.element.contains(document.activeElement);
      previous?.element.remove();
      const element = this.createCard(task);
      this.insertInOrder(task, element);
      if (hadFocus) {
        element.focus();
      }
    }
    this.updateCounts();
  }

  setFilters(filters: BoardFilters): void {
    this.filters = filters;
    for (const { element, task } of this.cards.values()) {
      element.hidden = !matchesFilters(task, filters);
    }
    this.updateCounts();
  }

  setSelected(key: string | undefined): void {
    this.cards.get(this.selectedKey ?? '')?.element.classList.remove('selected');
    this.selectedKey = key;
    this.cards.get(key ?? '')?.element.classList.add('selected');
  }

  /** Scrolls to the task's card and gives it keyboard focus. */
  focusTask(key: string): void {
    const card = this.cards.get(key)?.element;
    if (card) {
      card.hidden = false;
      card.scrollIntoView({ block: 'nearest' });
      card.focus();
    }
  }

  private createCard(task: DashboardTask): HTMLElement {
    const element = taskCard(task);
    makeActivatable(element, () => this.onSelect(task.key));
    element.hidden = !matchesFilters(task, this.filters);
    if (task.key === this.selectedKey) {
      element.classList.add('selected');
    }
    this.cards.set(task.key, { element, task });
    return element;
  }

  private insertInOrder(task: DashboardTask, element: HTMLElement): void {
    const list = this.columns.get(task.displayStatus)?.list;
    if (!list) {
      return;
    }
    for (const sibling of list.children) {
      const siblingTask = this.cards.get((sibling as HTMLElement).dataset.taskKey ?? '')?.task;
      if (siblingTask && siblingTask.index > task.index) {
        list.insertBefore(element, sibling);
        return;
      }
    }
    list.append(element);
  }

  private updateCounts(): void {
    for (const column of this.columns.values()) {
      let shown = 0;
      for (const card of column.list.children) {
        if (!(card as HTMLElement).hidden) {
          shown++;
        }
      }
      const total = column.list.children.length;
      column.count.textContent = shown === total ? `(${total})` : `(${shown} of ${total})`;
    }
  }
}
