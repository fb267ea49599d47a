import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './dashboard.css';
import type { HostMessage } from '../protocol/messages';
import { DashboardApp } from './app';
import { TaskPanelApp } from './taskPanelApp';
import { HostConnection } from './vscodeApi';

const host = new HostConnection();
const root = document.getElementById('root') ?? document.body;
// One bundle serves both pages; the host's HTML says which one this is.
const app =
  document.body.dataset.page === 'task'
    ? new TaskPanelApp(root, host)
    : new DashboardApp(root, host);

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (
    message &&
    typeof message === 'object' &&
    (message.type === 'state' || message.type === 'delta' || message.type === 'taskDetail')
  ) {
    app.handle(message);
  }
});

host.post({ type: 'ready' });
