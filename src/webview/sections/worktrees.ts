import type { DashboardWorktree } from '../../protocol/dashboardModel';
import { formatBytes } from '../../features/worktrees/model/bytes';
import { el, icon, replaceChildren } from '../dom';
import { formatAge } from '../labels';
import type { TaskSelection } from './queues';

export class WorktreesView {
  readonly element = el('div', { className: 'worktrees' });

  constructor(private readonly selection: TaskSelection) {}

  render(worktrees: readonly DashboardWorktree[]): void {
    if (worktrees.length === 0) {
      replaceChildren(this.element, [
        el('p', { className: 'muted', text: 'No worktree data yet.' }),
      ]);
      return;
    }
    replaceChildren(this.element, [
      el('table', { className: 'table' }, [
        el('thead', {}, [
          el(
            'tr',
            {},
            ['Path', 'Branch', 'Task', 'State', 'Base', 'Activity', 'Agent', 'Disk'].map((h) =>
              el('th', { text: h }),
            ),
          ),
        ]),
        el(
          'tbody',
          {},
          worktrees.map((worktree) => {
            const taskKey = worktree.taskKey;
            let taskCell: HTMLElement = el('span', { className: 'muted', text: '—' });
            if (taskKey) {
              taskCell = el('button', { className: 'link-button', text: taskKey });
              taskCell.addEventListener('click', () => this.selection.select(taskKey));
            }
            return el('tr', {}, [
              el('td', { className: 'mono', text: worktree.path }),
              el('td', { className: 'mono', text: worktree.branch ?? '' }),
              el('td', {}, [taskCell]),
              el(
                'td',
                {},
                worktree.dirty
                  ? [icon('diff-modified'), ` ${worktree.dirtyCount ?? ''} changes`]
                  : [worktree.dirty === false ? 'clean' : '…'],
              ),
              el('td', {
                className: 'mono',
                text:
                  worktree.ahead === undefined ? '' : `↑${worktree.ahead} ↓${worktree.behind ?? 0}`,
              }),
              el('td', {
                text:
                  worktree.lastActivity === undefined
                    ? ''
                    : formatAge(new Date(worktree.lastActivity * 1000).toISOString(), Date.now()),
              }),
              el('td', { text: worktree.agentState?.replace('_', ' ') ?? '' }),
              el('td', {
                text: worktree.diskBytes === undefined ? '' : formatBytes(worktree.diskBytes),
              }),
            ]);
          }),
        ),
      ]),
    ]);
  }
}
