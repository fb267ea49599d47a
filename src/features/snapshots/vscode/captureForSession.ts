import type { GitHubStatus } from '../../github/model/types';
import { mainWorktreeRoot } from '../../../platform/git';
import type { CapturedSnapshot } from '..';
import { listWorktreesWithStatus } from '../../worktrees';
import { gitHubConfigurationFor } from '../../github/vscode/folderPullRequests';
import { loadSnapshotsModule } from './snapshotsModule';
import type { PullRequestStatus } from '../../github/vscode/pullRequestStatus';
import type { FolderSession } from '../../common/vscode/services';

/** GitHub state for a snapshot: a fresh refresh, the last known state, or why there is none. */
async function gitHubForSnapshot(
  session: FolderSession,
  status: PullRequestStatus,
): Promise<GitHubStatus | { unavailable: string }> {
  const fresh = await status.forSession(session).refresh();
  if (!fresh) {
    return { unavailable: 'The GitHub client could not be started (see the Coordinator output).' };
  }
  if (fresh.fetchedAt === undefined && fresh.error?.kind === 'noToken') {
    return { unavailable: 'Not signed in to GitHub (run "Coordinator: Sign in to GitHub").' };
  }
  return fresh;
}

/** Captures one folder's snapshot; the command and the daily timer share one, so every capture is seen. */
export type SnapshotCapture = (session: FolderSession, now?: Date) => Promise<CapturedSnapshot>;

/**
 * Writes a snapshot of the folder's plan: the session's current read of the task file, worktrees
 * from the git module, and PR/CI state (refreshed now; unavailable offline or without sign-in,
 * which the snapshot says). Files go to `coordinator.snapshots.folder` in the main worktree.
 */
export async function captureSnapshotForSession(
  session: FolderSession,
  status: PullRequestStatus,
  now = new Date(),
): Promise<CapturedSnapshot> {
  const taskFile = session.taskFile;
  const loaded = session.state;
  if (!taskFile || !loaded?.model) {
    throw new (loadSnapshotsModule().SnapshotError)(
      `${session.folder.name} has no readable task file; no snapshot written.`,
    );
  }
  const folderPath = session.folder.uri.fsPath;
  const repoRoot = (await mainWorktreeRoot(folderPath).catch(() => undefined)) ?? folderPath;
  const [worktrees, github] = await Promise.all([
    // On failure captureSnapshot lists them itself and records the error in the snapshot.
    listWorktreesWithStatus(repoRoot, { model: loaded.model }).catch(() => undefined),
    gitHubForSnapshot(session, status),
  ]);
  return loadSnapshotsModule().captureSnapshot({
    repoRoot,
    taskFile: taskFile.fsPath,
    folder: gitHubConfigurationFor(session.folder).snapshotsFolder,
    now,
    loaded,
    ...(worktrees ? { worktrees } : {}),
    github,
  });
}
