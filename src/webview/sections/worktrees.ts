import type { DashboardWorktree } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';
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
            ['Path', 'Branch', 'Task', 'State'].map((h) => el('th', { text: h })),
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
              el('td', {}, worktree.dirty ? [icon('diff-modified'), ' changes'] : ['clean']),
            ]);
          }),
        ),
      ]),
    ]);
  }
}
