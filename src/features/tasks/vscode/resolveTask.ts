import * as vscode from 'vscode';
import type { Task } from '../../../kernel/model/types';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { isTaskNode, isTaskReference } from './taskTreeNodes';

export interface TaskTarget {
  session: FolderSession;
  task: Task;
}

/**
 * The task a command acts on: a tree node, a `{ taskKey, folder }` reference, or, from the palette,
 * the user's pick. Undefined (after telling the user why) when there is none.
 */
export async function resolveTask(
  sessions: WorkspaceSessions,
  arg: unknown,
  placeHolder: string,
): Promise<TaskTarget | undefined> {
  if (isTaskNode(arg)) {
    const current = arg.session.state?.model?.byKey.get(arg.task.key);
    return { session: arg.session, task: current ?? arg.task };
  }
  if (isTaskReference(arg)) {
    const session = sessionForFolder(sessions, arg.folder);
    const task = session?.state?.model?.byKey.get(arg.taskKey);
    if (!session || !task) {
      void vscode.window.showWarningMessage(`No task "${arg.taskKey}" in the task file.`);
      return undefined;
    }
    return { session, task };
  }
  return pickTask(sessions, placeHolder);
}

export function sessionForFolder(
  sessions: WorkspaceSessions,
  folder: string | undefined,
): FolderSession | undefined {
  if (folder === undefined) {
    return sessions.sessionFor();
  }
  return (
    sessions.all.find(
      (s) => s.folder.uri.toString() === folder || s.folder.uri.fsPath === folder,
    ) ?? undefined
  );
}

async function pickTask(
  sessions: WorkspaceSessions,
  placeHolder: string,
): Promise<TaskTarget | undefined> {
  const session = await sessions.pickSession();
  const tasks = session?.state?.model?.tasks;
  if (!session || !tasks || tasks.length === 0) {
    void vscode.window.showWarningMessage('There is no task file with tasks in this workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tasks.map((task) => ({
      label: task.name,
      description: `${task.id} · ${task.status}`,
      detail: task.owner,
      task,
    })),
    { placeHolder, matchOnDescription: true },
  );
  return picked ? { session, task: picked.task } : undefined;
}
