import { humanizeKey } from '../../features/tasks/model/humanKey';
import type { DashboardTask } from '../../protocol/dashboardModel';
import type { WebviewMessage } from '../../protocol/messages';
import type { TaskDetailExtras } from '../../protocol/taskDetail';
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

/** Keys as words, each with the key as written in its tooltip. */
function keyList(keys: readonly string[]): HTMLElement | undefined {
  return keys.length === 0
    ? undefined
    : el(
        'ul',
        {},
        keys.map((key) => el('li', { text: humanizeKey(key), title: key })),
      );
}

function extraFields(extras: TaskDetailExtras): (HTMLElement | undefined)[] {
  return [
    field(
      'Steps',
      extras.steps ? `${extras.steps.completed} of ${extras.steps.total} done` : undefined,
    ),
    field('Acceptance', list(extras.acceptance)),
    field('Deliverables', list(extras.deliverables)),
    field('Files', list(extras.files)),
    field('Risk', extras.risk),
    field('Phase', extras.phase),
    field('Reviewer', extras.reviewer),
    field('Started', extras.startedAt),
    field('Notes', list(extras.notes)),
  ];
}

/** The selected task with its actions: start in a worktree, open its PR, reveal it in the file. */
export class TaskDetailView {
  readonly element = el('aside', { className: 'task-detail', attrs: { 'aria-live': 'polite' } });

  constructor(
    private readonly post: (message: WebviewMessage) => void,
    private readonly select: (key: string) => void,
  ) {}

  /** With `extras` (the task panel) it also shows the task's prose and the status and guardrail actions. */
  render(task: DashboardTask | undefined, extras?: TaskDetailExtras): void {
    if (!task) {
      replaceChildren(this.element, [
        el('p', {
          className: 'muted',
          text: extras
            ? 'This task is no longer in the task file.'
            : 'Select a task on the board or in the graph.',
        }),
      ]);
      return;
    }
    const actions = el('div', { className: 'actions' }, [
      ...(extras
        ? [
            this.action('Set status…', 'edit', { type: 'setStatus', taskKey: task.key }, false),
            this.action(
              'Run guardrails in worktree',
              'checklist',
              { type: 'runGuardrailsInWorktree', taskKey: task.key },
              task.worktree === undefined && task.branch === undefined,
            ),
          ]
        : []),
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
      ...(extras?.description
        ? [el('p', { className: 'description', text: extras.description })]
        : []),
      el('dl', {}, [
        field(
          'Status',
          STATUS_LABELS[task.displayStatus] +
            (task.status === task.displayStatus ? '' : ` (${STATUS_LABELS[task.status]})`),
        ),
        field('Owner', task.owner),
        field('Priority', task.priority),
        field('Group', humanizeKey(task.group)),
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
        field('On other branches', task.onBranches ? list(task.onBranches) : undefined),
        field(
          'Depends on',
          dependencies.length ? el('ul', { className: 'deps' }, dependencies) : undefined,
        ),
        field('Needed by', task.dependents.length ? task.dependents.join(', ') : undefined),
        field('Blockers', keyList(task.blockers)),
        ...(extras ? extraFields(extras) : []),
        ...(extras
          ? []
          : [
              field('Acceptance criteria', list(task.acceptance ?? [])),
              field('Checklist', list(task.checklist ?? [])),
            ]),
        field(
          'Pull requests',
          task.prNumbers ? task.prNumbers.map((n) => `#${n}`).join(', ') : undefined,
        ),
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
