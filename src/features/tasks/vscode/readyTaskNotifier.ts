import * as vscode from 'vscode';
import { coordinatorSettings } from '../../common/vscode/settings';
import type { TaskGraph, TaskModel } from '../../../kernel/model/types';
import { newlyReadyTasks } from '../model/transitions';
import { Commands, Settings } from '../../common/vscode/constants';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';

interface Snapshot {
  model: TaskModel;
  graph: TaskGraph;
}

/** Tells the user when a task can start because its last dependency was just completed. */
export function registerReadyTaskNotifier(services: CoordinatorServices): void {
  const previous = new WeakMap<FolderSession, Snapshot>();
  const watched = new WeakSet<FolderSession>();

  const onSessionChange = (session: FolderSession): void => {
    const state = session.state;
    if (!state?.model || !state.graph || state.broken) {
      return;
    }
    const next = { model: state.model, graph: state.graph };
    const before = previous.get(session);
    previous.set(session, next);
    if (!before || before.model === next.model) {
      return;
    }
    const enabled = coordinatorSettings(session.folder.uri).flag(Settings.notifyTaskReady);
    if (!enabled) {
      return;
    }
    for (const { task, completedDependency } of newlyReadyTasks(before, next)) {
      void announce(
        session,
        task.key,
        `"${task.name}" can start: "${completedDependency.name}", the last task it waited for, is completed.`,
      );
    }
  };

  const watchAll = (): void => {
    for (const session of services.sessions.all) {
      if (!watched.has(session)) {
        watched.add(session);
        services.context.subscriptions.push(session.onDidChange(onSessionChange));
        onSessionChange(session);
      }
    }
  };
  services.context.subscriptions.push(services.sessions.onDidChange(watchAll));
  watchAll();
}

async function announce(session: FolderSession, taskKey: string, message: string): Promise<void> {
  const start = 'Start in Worktree';
  const show = 'Show Task';
  const answer = await vscode.window.showInformationMessage(message, start, show);
  const reference = { taskKey, folder: session.folder.uri.toString() };
  if (answer === start) {
    await vscode.commands.executeCommand(Commands.startTaskInWorktree, reference);
  } else if (answer === show) {
    await vscode.commands.executeCommand(Commands.revealTask, reference);
  }
}
