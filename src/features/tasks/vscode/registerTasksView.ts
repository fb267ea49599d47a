import * as vscode from 'vscode';
import { countBlocked } from '../model/buildTree';
import { TASK_FILTER_NAMES, type TaskFilters } from '../model/filters';
import { Views } from '../../common/vscode/constants';
import type { CoordinatorServices } from '../../common/vscode/services';
import { TasksTreeProvider } from './tasksTreeProvider';
import { TaskViewOptions } from './taskViewOptions';
import type { TaskTreeNode } from './taskTreeNodes';

/** What other parts (commands, notifications, host tests) use of the Tasks view. */
export interface TasksFeature {
  readonly provider: TasksTreeProvider;
  readonly view: vscode.TreeView<TaskTreeNode>;
  readonly options: TaskViewOptions;
}

const FILTER_LABELS: Record<keyof TaskFilters, string> = {
  ready: 'ready',
  mine: 'mine',
  blocked: 'blocked',
  hideCompleted: 'completed hidden',
};

/** Creates the `coordinator.tasks` view with its badge (blocked tasks) and filter message. */
export function registerTasksView(services: CoordinatorServices): TasksFeature {
  const options = new TaskViewOptions(services.context.workspaceState);
  const provider = new TasksTreeProvider(services.sessions, options);
  const view = vscode.window.createTreeView(Views.tasks, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });

  const update = (): void => {
    const blocked = services.sessions.all.reduce(
      (sum, session) =>
        sum + (session.state?.model ? countBlocked(session.state.model, session.state.graph) : 0),
      0,
    );
    view.badge =
      blocked > 0
        ? {
            value: blocked,
            tooltip: `${blocked} waiting or blocked ${blocked === 1 ? 'task' : 'tasks'}`,
          }
        : undefined;
    const filters = options.current.filters;
    const active = TASK_FILTER_NAMES.filter((name) => filters[name]).map(
      (name) => FILTER_LABELS[name],
    );
    view.message = active.length > 0 ? `Filtered: ${active.join(', ')}` : undefined;
  };
  services.context.subscriptions.push(
    options,
    provider,
    view,
    services.sessions.onDidChange(update),
    options.onDidChange(update),
  );
  update();
  return { provider, view, options };
}
