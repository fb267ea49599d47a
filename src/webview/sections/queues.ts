import type { DashboardTask, DashboardViewModel } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';
import { STATUS_LABELS } from '../labels';

/** Longer queues show their first entries and a count of the rest. */
const QUEUE_LIMIT = 50;

export interface TaskSelection {
  select(key: string): void;
}

function queueItem(task: DashboardTask, detail: string, selection: TaskSelection): HTMLElement {
  const button = el('button', {
    className: 'link-button',
    text: task.name,
    title: `${task.key}: ${task.name}`,
  });
  button.addEventListener('click', () => selection.select(task.key));
  return el('li', {}, [
    button,
    el('span', { className: 'muted', text: ` ${task.id} · ${STATUS_LABELS[task.displayStatus]}` }),
    detail ? el('div', { className: 'queue-detail muted', text: detail }) : undefined,
  ]);
}

function waitingOn(task: DashboardTask): string {
  const names = task.dependencies
    .filter((dep) => !dep.done)
    .map((dep) => dep.taskKey ?? `${dep.name} (external)`);
  const parts = [...(names.length ? [`waits on ${names.join(', ')}`] : []), ...task.blockers];
  return parts.join(' · ');
}

export class QueuesView {
  readonly element = el('div', { className: 'queues' });

  constructor(private readonly selection: TaskSelection) {}

  render(model: DashboardViewModel, byKey: ReadonlyMap<string, DashboardTask>): void {
    const list = (
      keys: readonly string[],
      describe: (task: DashboardTask) => string,
      empty: string,
    ) => {
      const tasks = keys.slice(0, QUEUE_LIMIT).flatMap((key) => byKey.get(key) ?? []);
      if (tasks.length === 0) {
        return el('p', { className: 'muted', text: empty });
      }
      const more = keys.length - tasks.length;
      return el('ul', { className: 'queue' }, [
        ...tasks.map((task) => queueItem(task, describe(task), this.selection)),
        more > 0 &&
          el('li', { className: 'muted', text: `and ${more} more (filter the board to see them)` }),
      ]);
    };
    replaceChildren(this.element, [
      el('div', {}, [
        el('h3', {}, [icon('error'), ` Blockers (${model.blockerQueue.length})`]),
        list(model.blockerQueue, waitingOn, 'Nothing is blocked.'),
      ]),
      el('div', {}, [
        el('h3', {}, [
          icon('eye'),
          ` Critical review (${model.reviewQueue.length}${model.overdueReviews.length > 0 ? `, ${model.overdueReviews.length} overdue` : ''})`,
        ]),
        list(
          model.reviewQueue,
          (task) =>
            [
              task.reviewOverdue ? 'review overdue' : '',
              task.pullRequest ? `PR #${task.pullRequest.number}` : '',
            ]
              .filter(Boolean)
              .join(' · '),
          'No reviews pending.',
        ),
      ]),
    ]);
  }
}
