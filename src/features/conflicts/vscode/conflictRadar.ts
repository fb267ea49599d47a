import * as vscode from 'vscode';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { forecastConflicts } from '../forecast';
import type { ConflictForecast } from '../model/types';
import { errorLine } from '../../../kernel/errors/errorLine';

/** Quiet time after a change before the forecast runs again. */
const DEBOUNCE_MS = 1500;

/**
 * Keeps a conflict forecast per folder, run again (debounced) when the plan changes, a branch
 * moves (refs in the git common dir) or a file is saved; one run at a time per folder. The
 * `coordinator.conflicts.forecast` setting turns it off.
 */
export class ConflictRadar extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly forecasts = new Map<FolderSession, ConflictForecast>();
  private readonly timers = new Map<FolderSession, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<FolderSession>();
  private readonly again = new Set<FolderSession>();

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(sessions.onDidChange(() => this.scheduleAll()));
    this.register(vscode.workspace.onDidSaveTextDocument(() => this.scheduleAll()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.${Settings.conflictsForecast}`)) {
          this.scheduleAll();
        }
      }),
    );
    const refs = vscode.workspace.createFileSystemWatcher('**/.git/{refs/heads/**,packed-refs}');
    this.register(refs);
    this.register(refs.onDidChange(() => this.scheduleAll()));
    this.register(refs.onDidCreate(() => this.scheduleAll()));
    this.register(refs.onDidDelete(() => this.scheduleAll()));
    this.register({
      dispose: () => {
        for (const timer of this.timers.values()) {
          clearTimeout(timer);
        }
      },
    });
    this.scheduleAll();
  }

  forecastFor(session: FolderSession): ConflictForecast | undefined {
    return this.forecasts.get(session);
  }

  private scheduleAll(): void {
    for (const session of this.sessions.all) {
      const pending = this.timers.get(session);
      if (pending) {
        clearTimeout(pending);
      }
      this.timers.set(
        session,
        setTimeout(() => void this.run(session), DEBOUNCE_MS),
      );
    }
  }

  private async run(session: FolderSession): Promise<void> {
    this.timers.delete(session);
    const enabled = vscode.workspace
      .getConfiguration(Settings.section, session.folder)
      .get<boolean>(Settings.conflictsForecast, true);
    if (!enabled) {
      if (this.forecasts.delete(session)) {
        this.changed.fire();
      }
      return;
    }
    if (this.running.has(session)) {
      this.again.add(session);
      return;
    }
    this.running.add(session);
    try {
      const forecast = await forecastConflicts({
        folder: session.folder.uri.fsPath,
        model: session.state?.model,
      });
      this.forecasts.set(session, forecast);
      this.changed.fire();
    } catch (error) {
      this.log.warn(`Conflict forecast for ${session.folder.name} failed: ${errorLine(error)}`);
    } finally {
      this.running.delete(session);
      if (this.again.delete(session)) {
        void this.run(session);
      }
    }
  }
}
