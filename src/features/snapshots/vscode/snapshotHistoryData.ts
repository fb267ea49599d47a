import * as vscode from 'vscode';
import * as path from 'node:path';
import { mainWorktreeRoot } from '../../../platform/git';
import { readSnapshotHistory, type SnapshotHistoryPoint } from '../history';
import type { DashboardDataProvider } from '../../dashboard/vscode/dataSources';
import { gitHubConfigurationFor } from '../../github/vscode/folderPullRequests';
import { Disposable } from '../../common/vscode/lifecycle';

/**
 * The dashboard's "completion over time": read from the snapshots saved in each folder's snapshot
 * folder on first request, cached, and re-read after a capture here or when a snapshot file there
 * appears or changes (`coord snapshot`).
 */
export class SnapshotHistoryData extends Disposable implements DashboardDataProvider {
  private readonly changed = this.register(
    new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>(),
  );
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, Promise<SnapshotHistoryPoint[]>>();
  private readonly watched = new Set<string>();

  async provide(folder: vscode.WorkspaceFolder): Promise<{ history: SnapshotHistoryPoint[] }> {
    const key = folder.uri.toString();
    let history = this.cache.get(key);
    if (!history) {
      history = this.read(folder);
      this.cache.set(key, history);
    }
    return { history: await history };
  }

  /** Re-reads the folder's history on the next request (after a snapshot was written). */
  invalidate(folder: vscode.WorkspaceFolder): void {
    this.cache.delete(folder.uri.toString());
    this.changed.fire(folder);
  }

  private async read(folder: vscode.WorkspaceFolder): Promise<SnapshotHistoryPoint[]> {
    const folderPath = folder.uri.fsPath;
    const repoRoot = (await mainWorktreeRoot(folderPath).catch(() => undefined)) ?? folderPath;
    const snapshots = path.resolve(repoRoot, gitHubConfigurationFor(folder).snapshotsFolder);
    this.watch(folder, snapshots);
    return readSnapshotHistory(snapshots);
  }

  private watch(folder: vscode.WorkspaceFolder, snapshots: string): void {
    const key = `${folder.uri.toString()}\n${snapshots}`;
    if (this.watched.has(key)) {
      return;
    }
    this.watched.add(key);
    // Anchored at the workspace folder when possible: a watcher whose base folder does not exist
    // yet (no snapshot taken so far) would never fire.
    const inside = path.relative(folder.uri.fsPath, snapshots);
    const pattern =
      inside && !inside.startsWith('..') && !path.isAbsolute(inside)
        ? new vscode.RelativePattern(
            folder,
            `${inside.split(path.sep).join('/')}/*/snapshot_*.json`,
          )
        : new vscode.RelativePattern(vscode.Uri.file(snapshots), '*/snapshot_*.json');
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(pattern));
    const invalidate = (): void => this.invalidate(folder);
    this.register(watcher.onDidCreate(invalidate));
    this.register(watcher.onDidChange(invalidate));
    this.register(watcher.onDidDelete(invalidate));
  }
}
