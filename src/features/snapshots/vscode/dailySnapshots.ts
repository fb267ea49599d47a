import * as vscode from 'vscode';
import { coordinatorSettings } from '../../common/vscode/settings';
import { isDailySnapshotDue } from '../model/daily';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession } from '../../common/vscode/services';
import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { SnapshotCapture } from './captureForSession';
import { errorLine } from '../../../kernel/errors/errorLine';

const CHECK_INTERVAL_MS = 60 * 60_000;
const LAST_CAPTURE_KEY = 'coordinator.snapshots.lastDailyCapture';

/**
 * With `coordinator.snapshots.daily` on, one snapshot per folder per UTC day while VS Code is
 * open: checked at activation and every hour. The last capture time is kept in workspace state,
 * so several windows on one workspace do not all write one.
 */
export class DailySnapshots extends Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Checks run one after another, so a second one sees what the first wrote. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly services: CreatedServices,
    private readonly captureSnapshot: SnapshotCapture,
  ) {
    super();
    this.register({ dispose: () => this.stop() });
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.${Settings.snapshotsDaily}`)) {
          this.apply();
        }
      }),
    );
    this.apply();
  }

  /** Captures for every folder whose daily snapshot is due; returns the names of the folders captured. */
  checkNow(now?: Date): Promise<string[]> {
    const run = this.queue.then(() => this.checkDue(now ?? new Date()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** When the folder's last daily snapshot was taken (ISO time), if ever. */
  lastCapture(session: FolderSession): string | undefined {
    return this.services.context.workspaceState.get<string>(this.stateKey(session));
  }

  private async checkDue(now: Date): Promise<string[]> {
    const captured: string[] = [];
    await this.services.sessions.ready;
    for (const session of this.services.sessions.all) {
      if (
        !this.isDisposed &&
        this.enabledFor(session) &&
        session.state?.model &&
        isDailySnapshotDue(this.lastCapture(session), now)
      ) {
        if (await this.capture(session, now)) {
          captured.push(session.folder.name);
        }
      }
    }
    return captured;
  }

  private async capture(session: FolderSession, now: Date): Promise<boolean> {
    try {
      const { files, document } = await this.captureSnapshot(session, now);
      await this.services.context.workspaceState.update(
        this.stateKey(session),
        document.capturedAt,
      );
      this.services.log.info(
        `Daily snapshot of ${session.folder.name}: ${vscode.workspace.asRelativePath(files.markdown)}`,
      );
      return true;
    } catch (error) {
      this.services.log.warn(
        `Daily snapshot of ${session.folder.name} failed: ${errorLine(error)}`,
      );
      return false;
    }
  }

  private apply(): void {
    const anyEnabled =
      this.services.sessions.all.some((s) => this.enabledFor(s)) || this.enabledFor(undefined);
    if (anyEnabled && this.timer === undefined) {
      this.timer = setInterval(() => void this.checkNow(), CHECK_INTERVAL_MS);
      void this.checkNow();
    } else if (!anyEnabled) {
      this.stop();
    }
  }

  private enabledFor(session: FolderSession | undefined): boolean {
    return coordinatorSettings(session?.folder.uri).flag(Settings.snapshotsDaily);
  }

  private stateKey(session: FolderSession): string {
    return `${LAST_CAPTURE_KEY}:${session.folder.uri.toString()}`;
  }

  private stop(): void {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
