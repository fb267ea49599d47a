import type { DashboardTask } from '../../protocol/dashboardModel';
import type { WebviewMessage } from '../../protocol/messages';
import { el, icon, replaceChildren } from '../dom';
import { STATUS_LABELS, formatHours } from '../labels';

function field(label: string, value: Node | string | undefined): HTMLElement | undefined {
  if (value === undefined || value === '') {
    return undefined;
  }
  return el('div', { className: 'field' }, [el('dt', { text: label }), el('dd', {}, [value])]);
}

function list(items: readonly string[]): HTMLElement | undefined {
  return items.length === 0
    ? undefined
    : el(
        'ul',
        {},
        items.map((item) => el('li', { text: item })),
      );
}

/** The selected task with its actions: start in a worktree, open its PR, reveal it in the file. */
export class TaskDetailView {
  readonly element = el('aside', { className: 'task-detail', attrs: { 'aria-live': 'polite' } });

  constructor(
    private readonly post: (message: WebviewMessage) => void,
    private readonly select: (key: string) => void,
  ) {}

  render(task: DashboardTask | undefined): void {
    if (!task) {
      replaceChildren(this.element, [
        el('p', { className: 'muted', text: 'Select a task on the board or in the graph.' }),
      ]);
      return;
    }
    const actions = el('div', { className: 'actions' }, [
      this.action(
        'Start in worktree',
        'play',
        { type: 'startTask', taskKey: task.key },
        task.status === 'completed' || task.worktree !== undefined,
      ),
      this.action(
        'Open PR',
        'git-pull-request',
        { type: 'openPullRequest', taskKey: task.key },
        !task.pullRequest && task.prNumber === undefined,
      ),
      this.action(
        'Reveal in task file',
        'go-to-file',
        { type: 'revealTask', taskKey: task.key },
        false,
      ),
    ]);
    const dependencies = task.dependencies.map((dep) => {
      const depKey = dep.taskKey;
      const label = depKey
        ? el('button', { className: 'link-button', text: dep.name })
        : el('span', { text: `${dep.name} (external)` });
      if (depKey) {
        label.addEventListener('click', () => this.select(depKey));
      }
      return el('li', {}, [icon(dep.done ? 'pass' : 'circle-large-outline'), ' ', label]);
    });
    replaceChildren(this.element, [
      el('h3', { className: 'detail-name', text: task.name }),
      el('p', { className: 'muted mono', text: task.key }),
      actions,
      el('dl', {}, [
        field(
          'Status',
          STATUS_LABELS[task.displayStatus] +
            (task.status === task.displayStatus ? '' : ` (${STATUS_LABELS[task.status]})`),
        ),
        field('Owner', task.owner),
        field('Priority', task.priority),
        field('Group', task.group),
        field(
          'Estimate',
          task.estimateHours === undefined ? undefined : formatHours(task.estimateHours),
        ),
        field('Spent', task.hoursSpent === undefined ? undefined : formatHours(task.hoursSpent)),
        field(
          'Progress',
          task.progressPercentage === undefined ? undefined : `${task.progressPercentage}%`,
        ),
        field('Branch', task.branch),
        field(
          'Pull request',
          task.pullRequest
            ? `#${task.pullRequest.number} ${task.pullRequest.state}, CI ${task.pullRequest.ci}`
            : task.prNumber !== undefined
              ? `#${task.prNumber}`
              : undefined,
        ),
        field('Worktree', task.worktree?.path),
        field(
          'Depends on',
          dependencies.length ? el('ul', { className: 'deps' }, dependencies) : undefined,
        ),
        field('Needed by', task.dependents.length ? task.dependents.join(', ') : undefined),
        field('Blockers', list(task.blockers)),
      ]),
    ]);
  }

  private action(
    label: string,
    iconName: string,
    message: WebviewMessage,
    disabled: boolean,
  ): HTMLElement {
    const button = el('vscode-button', { text: label, attrs: { icon: iconName, disabled } });
    button.dataset.action = message.type;
    button.addEventListener('click', () => {
      if (!button.hasAttribute('disabled')) {
        this.post(message);
      }
    });
    return button;
  }
}
