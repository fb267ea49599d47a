import type { DashboardViewModel } from '../../protocol/dashboardModel';
import { el, icon, replaceChildren } from '../dom';

export class HeaderView {
  readonly element = el('header', { className: 'dashboard-header' });

  render(model: DashboardViewModel): void {
    const problems =
      model.broken &&
      el('p', { className: 'banner warning', attrs: { role: 'status' } }, [
        icon('warning'),
        ` The task file does not parse (${model.problems} error${model.problems === 1 ? '' : 's'}); showing the last good state.`,
      ]);
    replaceChildren(this.element, [
      el('h1', { text: `Agent Coordinator — ${model.folderName}` }),
      el('p', { className: 'muted' }, [
        model.taskFile ? el('span', { className: 'task-file', text: model.taskFile }) : 'No task file found',
        model.lastUpdated ? ` · last updated ${model.lastUpdated}` : '',
      ]),
      problems,
    ]);
  }
}
