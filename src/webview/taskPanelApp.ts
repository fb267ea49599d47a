import type { HostMessage } from '../protocol/messages';
import { el } from './dom';
import { TaskDetailView } from './sections/taskDetail';
import type { HostConnection } from './vscodeApi';

/** The task panel's page: one task's detail, redrawn whenever the host sends it again. */
export class TaskPanelApp {
  private readonly detail: TaskDetailView;

  constructor(
    private readonly root: HTMLElement,
    host: HostConnection,
  ) {
    this.detail = new TaskDetailView(
      (message) => host.post(message),
      (taskKey) => host.post({ type: 'openTask', taskKey }),
    );
    root.replaceChildren(el('main', { className: 'task-panel' }, [this.detail.element]));
    root.setAttribute('aria-busy', 'true');
  }

  handle(message: HostMessage): void {
    if (message.type !== 'taskDetail') {
      return;
    }
    const { detail } = message;
    this.detail.render(detail.task, detail.extras ?? emptyExtras());
    this.root.dataset.taskKey = detail.taskKey;
    this.root.setAttribute('aria-busy', 'false');
    this.root.dataset.rendered = 'true';
  }
}

function emptyExtras() {
  return { acceptance: [], deliverables: [], files: [], notes: [] };
}
