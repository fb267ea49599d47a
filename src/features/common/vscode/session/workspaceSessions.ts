import * as vscode from 'vscode';
import { ContextKeys, Settings } from '../constants';
import { Disposable } from '../lifecycle';
import type { FolderSession, WorkspaceSessions } from '../services';
import { TaskFolderSession } from './folderSession';

/** One session per workspace folder, kept in step with the folders and the `coordinator.taskFile` setting. */
export class TaskWorkspaceSessions extends Disposable implements WorkspaceSessions {
  private readonly sessions = new Map<string, TaskFolderSession>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  /** Settles when every folder present at start has been discovered and read once. */
  readonly ready: Promise<void>;

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    this.register({ dispose: () => this.sessions.forEach((session) => session.dispose()) });
    this.ready = this.addFolders(vscode.workspace.workspaceFolders ?? []);
    this.register(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) {
          this.sessions.get(folder.uri.toString())?.dispose();
          this.sessions.delete(folder.uri.toString());
        }
        void this.addFolders(event.added);
        this.publish();
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        for (const session of this.sessions.values()) {
          if (
            event.affectsConfiguration(
              `${Settings.section}.${Settings.taskFile}`,
              session.folder.uri,
            )
          ) {
            void session.reload();
          }
        }
      }),
    );
  }

  get all(): readonly FolderSession[] {
    return [...this.sessions.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  /** Sessions that found a task file, in folder order. */
  get withTaskFile(): readonly FolderSession[] {
    return this.all.filter((session) => session.taskFile !== undefined);
  }

  sessionFor(uri?: vscode.Uri): FolderSession | undefined {
    if (uri) {
      const byFile = this.all.find((session) => session.taskFile?.toString() === uri.toString());
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const byFolder = folder ? this.sessions.get(folder.uri.toString()) : undefined;
      if (byFile ?? byFolder) {
        return byFile ?? byFolder;
      }
    }
    return this.withTaskFile[0] ?? this.all[0];
  }

  async pickSession(placeHolder?: string): Promise<FolderSession | undefined> {
    const candidates = this.withTaskFile;
    if (candidates.length <= 1) {
      return candidates[0];
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((session) => ({
        label: session.folder.name,
        description: session.taskFile ? vscode.workspace.asRelativePath(session.taskFile) : '',
        session,
      })),
      { placeHolder: placeHolder ?? 'Pick a workspace folder' },
    );
    return picked?.session;
  }

  private async addFolders(folders: readonly vscode.WorkspaceFolder[]): Promise<void> {
    const added = folders.map((folder) => {
      const session = new TaskFolderSession(folder, this.log);
      this.sessions.set(folder.uri.toString(), session);
      session.onDidChange(() => this.publish());
      return session;
    });
    await Promise.all(
      added.map((session) =>
        session
          .reload()
          .catch((error: unknown) => this.log.error(`${session.folder.name}: ${String(error)}`)),
      ),
    );
    this.publish();
  }

  private publish(): void {
    const sessions = this.all;
    void vscode.commands.executeCommand(
      'setContext',
      ContextKeys.hasTaskFile,
      sessions.some((s) => s.taskFile !== undefined),
    );
    void vscode.commands.executeCommand(
      'setContext',
      ContextKeys.taskFileBroken,
      sessions.some((s) => s.state?.broken === true),
    );
    this.changed.fire();
  }
}
