import * as vscode from 'vscode';
import { isDailySnapshotDue } from '../../core/snapshot/daily';
import { Settings } from '../constants';
import { Disposable } from '../lifecycle';
import type { FolderSession } from '../services';
import type { CreatedServices } from '../session/createServices';
import type { PullRequestStatus } from '../github/pullRequestStatus';
import { captureSnapshotForSession } from './captureForSession';

const CHECK_INTERVAL_MS = 60 * 60_000;
const LAST_CAPTURE_KEY = 'coordinator.snapshots.lastDailyCapture';

/**
 * With `coordinator.snapshots.daily` on, one snapshot per folder per UTC day while VS Code is
 * open: checked at activation and every hour. The last capture time is kept in workspace state,
 * so several windows on one workspace do not all write one.
 */
export class DailySnapshots extends Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;

  constructor(
    private readonly services: CreatedServices,
    private readonly status: PullRequestStatus,
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

  /** Captures for every folder whose daily snapshot is due; returns the folders captured. */
  async checkNow(now = new Date()): Promise<string[]> {
    if (this.running) {
      return [];
    }
    this.running = true;
    const captured: string[] = [];
    try {
      await this.services.sessions.ready;
      for (const session of this.services.sessions.all) {
        if (this.enabledFor(session) && session.state?.model && isDailySnapshotDue(this.lastCapture(session), now)) {
          await this.capture(session, now);
          captured.push(session.folder.name);
        }
      }
    } finally {
      this.running = false;
    }
    return captured;
  }

  private async capture(session: FolderSession, now: Date): Promise<void> {
    try {
      const { files, document } = await captureSnapshotForSession(session, this.status, now);
      await this.services.context.workspaceState.update(this.stateKey(session), document.capturedAt);
      this.services.log.info(`Daily snapshot of ${session.folder.name}: ${vscode.workspace.asRelativePath(files.markdown)}`);
    } catch (error) {
      this.services.log.warn(`Daily snapshot of ${session.folder.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private apply(): void {
    const anyEnabled = this.services.sessions.all.some((s) => this.enabledFor(s)) || this.enabledFor(undefined);
    if (anyEnabled && this.timer === undefined) {
      this.timer = setInterval(() => void this.checkNow(), CHECK_INTERVAL_MS);
      void this.checkNow();
    } else if (!anyEnabled) {
      this.stop();
    }
  }

  private enabledFor(session: FolderSession | undefined): boolean {
    return vscode.workspace.getConfiguration(Settings.section, session?.folder.uri).get<boolean>(Settings.snapshotsDaily, false);
  }

  private lastCapture(session: FolderSession): string | undefined {
    return this.services.context.workspaceState.get<string>(this.stateKey(session));
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
