import type * as vscode from 'vscode';
import type { CreatedServices } from '../../common/vscode/session/createServices';
import type { DashboardFeature } from '../../dashboard/vscode/registerDashboard';
import type { PullRequestStatus } from '../../github/vscode/pullRequestStatus';
import { registerCaptureSnapshot } from './commands/captureSnapshot';
import { captureSnapshotForSession, type SnapshotCapture } from './captureForSession';
import { DailySnapshots } from './dailySnapshots';
import { SnapshotHistoryData } from './snapshotHistoryData';

/** What the host tests use of the snapshot feature. */
export interface SnapshotsFeature {
  readonly dailySnapshots: DailySnapshots;
}

/** Wires Capture Snapshot, the daily snapshot and the dashboard's history, over the PR state. */
export function registerSnapshots(
  services: CreatedServices,
  dashboard: DashboardFeature,
  pullRequests: PullRequestStatus,
): SnapshotsFeature {
  const snapshotHistory = new SnapshotHistoryData();
  const capture: SnapshotCapture = async (session, now) => {
    const captured = await captureSnapshotForSession(session, pullRequests, now);
    snapshotHistory.invalidate(session.folder);
    return captured;
  };
  const dailySnapshots = new DailySnapshots(services, capture);
  const disposables: vscode.Disposable[] = [
    dailySnapshots,
    snapshotHistory,
    dashboard.dataSources.register(snapshotHistory),
    registerCaptureSnapshot(services, capture),
  ];
  services.context.subscriptions.push(...disposables);
  return { dailySnapshots };
}
