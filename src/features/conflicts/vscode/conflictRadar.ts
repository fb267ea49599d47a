import * as vscode from 'vscode';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { forecastConflicts } from '../forecast';
import type { ConflictForecast } from '../model/types';
import { errorLine } from '../../../kernel/errors/errorLine';
import { CoalescedRuns } from '../../../kernel/async/coalescedRuns';

/** Paths inside a worktree whose changes are not work: git's own files and installed packages. */
const NOT_WORK = /[\\/](?:\.git|node_modules)(?:[\\/]|$)/;

/**
 * Keeps a conflict forecast per folder, run again (coalesced) when the plan changes, a branch
 * moves (refs in the git common dir), a file is saved, or a file changes in a live branch's
 * worktree (an agent's edits, outside the editor); one run at a time per folder. The
 * `coordinator.conflicts.forecast` setting turns it off.
 */
export class ConflictRadar extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly forecasts = new Map<FolderSession, ConflictForecast>();
  private readonly runs = new CoalescedRuns<FolderSession>((session) => this.run(session));
  /** A watcher per worktree folder of a live branch, kept while the forecast lists it. */
  private readonly worktreeWatchers = new Map<string, vscode.Disposable>();

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
        this.runs.dispose();
        for (const watcher of this.worktreeWatchers.values()) {
          watcher.dispose();
        }
      },
    });
    this.scheduleAll();
  }

  forecastFor(session: FolderSession): ConflictForecast | undefined {
    return this.forecasts.get(session);
  }

  /** Watches the files of every live branch's worktree in any forecast, and no other. */
  private watchWorktrees(): void {
    const wanted = new Set<string>();
    for (const forecast of this.forecasts.values()) {
      for (const branch of forecast.branches) {
        if (branch.worktree) {
          wanted.add(branch.worktree);
        }
      }
    }
    for (const [folder, watcher] of this.worktreeWatchers) {
      if (!wanted.has(folder)) {
        watcher.dispose();
        this.worktreeWatchers.delete(folder);
      }
    }
    for (const folder of wanted) {
      if (this.worktreeWatchers.has(folder)) {
        continue;
      }
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(folder), '**/*'),
      );
      const onEvent = (uri: vscode.Uri) => {
        if (!NOT_WORK.test(uri.fsPath.slice(folder.length))) {
          this.scheduleAll();
        }
      };
      this.worktreeWatchers.set(
        folder,
        vscode.Disposable.from(
          watcher,
          watcher.onDidCreate(onEvent),
          watcher.onDidChange(onEvent),
          watcher.onDidDelete(onEvent),
        ),
      );
    }
  }

  private scheduleAll(): void {
    for (const session of this.sessions.all) {
      this.runs.request(session);
    }
  }

  private async run(session: FolderSession): Promise<void> {
    const enabled = vscode.workspace
      .getConfiguration(Settings.section, session.folder)
      .get<boolean>(Settings.conflictsForecast, true);
    if (!enabled) {
      if (this.forecasts.delete(session)) {
        this.changed.fire();
      }
      return;
    }
    try {
      const forecast = await forecastConflicts({
        folder: session.folder.uri.fsPath,
        model: session.state?.model,
      });
      this.forecasts.set(session, forecast);
      this.watchWorktrees();
      this.changed.fire();
    } catch (error) {
      this.log.warn(`Conflict forecast for ${session.folder.name} failed: ${errorLine(error)}`);
    }
  }
}
