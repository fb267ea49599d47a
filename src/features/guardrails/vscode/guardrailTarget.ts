import * as vscode from 'vscode';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { sessionForFolder } from '../../tasks/vscode/resolveTask';

/** `{ key, folder }` from the dashboard and the status bar; `folder` is a folder URI string or path. */
export interface GuardrailArgument {
  key?: string;
  folder?: string;
  folderUri?: string;
}

export function isGuardrailArgument(value: unknown): value is GuardrailArgument {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { key, folder, folderUri } = value as Record<string, unknown>;
  return (
    (key === undefined || typeof key === 'string') &&
    (folder === undefined || typeof folder === 'string') &&
    (folderUri === undefined || typeof folderUri === 'string')
  );
}

/** The folder a guardrail command acts on: the argument's, the active editor's, or the user's pick. */
export async function sessionForGuardrails(
  sessions: WorkspaceSessions,
  arg: unknown,
): Promise<FolderSession | undefined> {
  if (arg instanceof vscode.Uri) {
    return sessions.sessionFor(arg);
  }
  if (isGuardrailArgument(arg) && (arg.folderUri ?? arg.folder) !== undefined) {
    const session = sessionForFolder(sessions, arg.folderUri ?? arg.folder);
    if (!session) {
      void vscode.window.showWarningMessage(
        `No workspace folder ${arg.folderUri ?? arg.folder} is open.`,
      );
    }
    return session;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && vscode.workspace.getWorkspaceFolder(active)) {
    return sessions.sessionFor(active);
  }
  const session = await sessions.pickSession('Run guardrails of which folder?');
  if (!session) {
    void vscode.window.showWarningMessage(
      'There is no workspace folder with a task file to run guardrails for.',
    );
  }
  return session;
}
