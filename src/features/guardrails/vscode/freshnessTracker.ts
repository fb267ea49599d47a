import * as path from 'node:path';
import * as vscode from 'vscode';
import { outputPathPrefix } from '../model/changedPaths';
import { newestChangeTime } from '../changes';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession } from '../../common/vscode/services';
import type { GuardrailController } from './guardrailController';
import { logFolderFor } from '../model/folders';

const REFRESH_EVERY_MS = 60_000;
const AFTER_SAVE_MS = 1_000;

/**
 * The newest change (commit or edited file) in each folder's guardrail working folder, for the
 * "stale" warning: refreshed on a timer, after saves and after runs, one git call pair at a time.
 */
export class FreshnessTracker extends Disposable {
  private readonly newest = new Map<string, number | undefined>();
  /** The measurement under way per folder, and the one asked for while it runs. */
  private readonly measuring = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<FolderSession>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly controller: GuardrailController,
    private readonly sessions: () => readonly FolderSession[],
  ) {
    super();
    const timer = setInterval(() => this.refreshAll(), REFRESH_EVERY_MS);
    this.register({ dispose: () => clearInterval(timer) });
    this.register({ dispose: () => clearTimeout(this.saveTimer) });
    this.register(
      vscode.workspace.onDidSaveTextDocument(() => {
        clearTimeout(this.saveTimer);
        this.saveTimer = setTimeout(() => this.refreshAll(), AFTER_SAVE_MS);
      }),
    );
  }

  /** Epoch ms of the newest change, or undefined when unknown (not yet measured, not a git folder). */
  newestChangeAt(session: FolderSession): number | undefined {
    const cwd = this.controller.defaultCwd(session);
    if (!this.newest.has(cwd)) {
      void this.refresh(session);
    }
    return this.newest.get(cwd);
  }

  refreshAll(): void {
    for (const session of this.sessions()) {
      void this.refresh(session);
    }
  }

  /**
   * Measures again. A request while a measurement of the same folder is under way is not lost: it
   * measures once more after that one (a change may have come after it began).
   */
  refresh(session: FolderSession): Promise<void> {
    const cwd = this.controller.defaultCwd(session);
    if (this.isDisposed) {
      return Promise.resolve();
    }
    const current = this.measuring.get(cwd);
    if (!current) {
      return this.measure(session, cwd);
    }
    let queued = this.queued.get(cwd);
    if (!queued) {
      queued = current.then(() => {
        this.queued.delete(cwd);
        return this.isDisposed ? undefined : this.measure(session, cwd);
      });
      this.queued.set(cwd, queued);
    }
    return queued;
  }

  private measure(session: FolderSession, cwd: string): Promise<void> {
    const run = (async () => {
      const value = await newestChangeTime(cwd, this.ignored(session, cwd)).catch(() => undefined);
      const before = this.newest.get(cwd);
      this.newest.set(cwd, value);
      if (before !== value && !this.isDisposed) {
        this.changed.fire(session);
      }
    })().finally(() => {
      if (this.measuring.get(cwd) === run) {
        this.measuring.delete(cwd);
      }
    });
    this.measuring.set(cwd, run);
    return run;
  }

  /**
   * What guardrail runs write themselves: the run logs, the `output_path` folders, and the task
   * file (results are recorded there), so a run never makes its own pass stale.
   */
  private ignored(session: FolderSession, cwd: string): string[] {
    const relative = (target: string): string =>
      path.relative(cwd, target).split(path.sep).join('/');
    const outputs = this.controller
      .definitions(session)
      .definitions.flatMap((d) => (d.outputPath ? [outputPathPrefix(d.outputPath)] : []))
      .filter((prefix) => prefix.length > 0);
    const taskFile = session.taskFile ? [relative(session.taskFile.fsPath)] : [];
    return [
      relative(logFolderFor(cwd, this.controller.settings(session))),
      ...outputs,
      ...taskFile,
    ].filter((entry) => entry && !entry.startsWith('..') && !path.isAbsolute(entry));
  }
}
