import type * as vscode from 'vscode';
import { registerOpenDashboard } from './commands/openDashboard';
import { registerOpenTask } from './commands/openTask';
import type { CoordinatorServices } from '../../common/vscode/services';
import { DashboardPanels } from './dashboardPanels';
import { DashboardDataSources } from './dataSources';
import { TaskDetailPanel } from './taskDetailPanel';

export interface DashboardFeature extends vscode.Disposable {
  /** Where other features register the data the dashboard shows besides the task file. */
  readonly dataSources: DashboardDataSources;
  readonly panels: DashboardPanels;
  /** The task detail a click in the tree opens. */
  readonly taskPanel: TaskDetailPanel;
}

/** Wires the dashboard: the data-source registry, the panels with their serializer, and its command. */
export function registerDashboard(services: CoordinatorServices): DashboardFeature {
  const dataSources = new DashboardDataSources(services.log);
  const panels = new DashboardPanels(services, dataSources);
  const command = registerOpenDashboard(services, panels);
  const taskPanel = new TaskDetailPanel(services, dataSources);
  const openTask = registerOpenTask(services, taskPanel);
  const feature: DashboardFeature = {
    dataSources,
    panels,
    taskPanel,
    dispose: () => {
      command.dispose();
      openTask.dispose();
      taskPanel.dispose();
      panels.dispose();
      dataSources.dispose();
    },
  };
  services.context.subscriptions.push(feature);
  return feature;
}
