import { mkdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import { watchFolder } from '../../../platform/files/watchFolder';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { agentStateFolder, readAgentStates } from '../agentStateStore';
import { staleAfterMs, type AgentStateRecord } from '../model/agentState';
import { taskAgentStatus, type TaskAgentStatus } from '../model/taskAgentState';

/** Reports arriving together (a hook firing twice) are read once. */
const READ_DELAY_MS = 50;
/** How often a working agent is looked at again, to turn stale without any new event. */
const STALE_CHECK_MS = 30_000;

interface FolderAgents {
  records: AgentStateRecord[];
  watch?: { dispose(): void };
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Every folder's agent reports, read from the repository's local state folder and read again
 * whenever a file there changes (an agent's `coord agent-state`, a hook, the MCP tool).
 */
export class AgentStates extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly folders = new Map<FolderSession, FolderAgents>();

  constructor(private readonly sessions: WorkspaceSessions) {
    super();
    this.register(sessions.onDidChange(() => this.follow()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration(`${Settings.section}.${Settings.agentStateStaleAfterMinutes}`)
        ) {
          this.changed.fire();
        }
      }),
    );
    const staleCheck = setInterval(() => {
      if (this.hasWorkingAgent()) {
        this.changed.fire();
      }
    }, STALE_CHECK_MS);
    this.register({ dispose: () => clearInterval(staleCheck) });
    this.register({ dispose: () => this.forgetAll() });
    this.follow();
  }

  records(session: FolderSession): readonly AgentStateRecord[] {
    return this.folders.get(session)?.records ?? [];
  }

  staleAfterMs(session: FolderSession): number {
    return staleAfterMs(
      vscode.workspace
        .getConfiguration(Settings.section, session.folder)
        .get<number>(Settings.agentStateStaleAfterMinutes),
    );
  }

  statusOf(
    session: FolderSession,
    task: Parameters<typeof taskAgentStatus>[0] & { key: string },
    now = new Date(),
  ): TaskAgentStatus {
    const record = this.records(session).find((r) => r.task === task.key);
    return taskAgentStatus(task, record, now, this.staleAfterMs(session));
  }

  private hasWorkingAgent(): boolean {
    return [...this.folders.values()].some((f) => f.records.some((r) => r.state === 'working'));
  }

  private follow(): void {
    const live = new Set(this.sessions.all);
    for (const [session, folder] of this.folders) {
      if (!live.has(session)) {
        this.forget(folder);
        this.folders.delete(session);
      }
    }
    for (const session of live) {
      if (!this.folders.has(session)) {
        const folder: FolderAgents = { records: [] };
        this.folders.set(session, folder);
        void this.watch(session, folder);
      }
    }
  }

  private async watch(session: FolderSession, folder: FolderAgents): Promise<void> {
    const cwd = session.folder.uri.fsPath;
    const path = await agentStateFolder(cwd).catch(() => undefined);
    if (!path || this.isDisposed || this.folders.get(session) !== folder) {
      return;
    }
    // Made here so it can be watched before the first agent reports (it is never committed).
    await mkdir(path, { recursive: true }).catch(() => undefined);
    folder.watch = watchFolder(path, () => this.readSoon(session, folder));
    await this.read(session, folder);
  }

  private readSoon(session: FolderSession, folder: FolderAgents): void {
    if (folder.timer) {
      return;
    }
    folder.timer = setTimeout(() => {
      folder.timer = undefined;
      void this.read(session, folder);
    }, READ_DELAY_MS);
  }

  private async read(session: FolderSession, folder: FolderAgents): Promise<void> {
    const records = await readAgentStates(session.folder.uri.fsPath).catch(() => undefined);
    if (!records || this.isDisposed || this.folders.get(session) !== folder) {
      return;
    }
    if (JSON.stringify(records) !== JSON.stringify(folder.records)) {
      folder.records = records;
      this.changed.fire();
    }
  }

  private forget(folder: FolderAgents): void {
    folder.watch?.dispose();
    if (folder.timer) {
      clearTimeout(folder.timer);
    }
  }

  private forgetAll(): void {
    for (const folder of this.folders.values()) {
      this.forget(folder);
    }
    this.folders.clear();
  }
}
