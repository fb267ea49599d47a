import * as vscode from 'vscode';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { coordinatorSettings } from '../../common/vscode/settings';
import { readSlaHours } from '../model/reviewAge';
import type { EditorPullRequestReviews } from './editorPullRequestReviews';
import { awaitedReviews, type AwaitedReview } from '../overdueReviews';
import { CoalescedRuns } from '../../../kernel/async/coalescedRuns';

/** Ages grow while nothing changes: judged again this often. */
const AGE_REFRESH_MS = 10 * 60_000;

/**
 * The reviews awaited on each folder's tasks, judged again (coalesced) when the plan changes, a
 * branch moves or the SLA setting changes, and every ten minutes as they age.
 */
export class ReviewWatch extends Disposable {
  private readonly changed = this.register(
    new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>(),
  );
  readonly onDidChange = this.changed.event;
  private readonly awaited = new Map<FolderSession, Map<string, AwaitedReview[]>>();
  private readonly runs = new CoalescedRuns<FolderSession>((session) => this.run(session));
  private sessionListeners: vscode.Disposable[] = [];

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly log: vscode.LogOutputChannel,
    private readonly pullRequestReviews?: EditorPullRequestReviews,
  ) {
    super();
    this.register(sessions.onDidChange(() => this.watchSessions()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.${Settings.reviewsSlaHours}`)) {
          this.scheduleAll();
        }
      }),
    );
    const refs = vscode.workspace.createFileSystemWatcher('**/.git/{refs/heads/**,packed-refs}');
    this.register(refs);
    this.register(refs.onDidChange(() => this.scheduleAll()));
    this.register(refs.onDidCreate(() => this.scheduleAll()));
    const interval = setInterval(() => this.scheduleAll(), AGE_REFRESH_MS);
    this.register({
      dispose: () => {
        clearInterval(interval);
        this.runs.dispose();
        this.sessionListeners.forEach((listener) => listener.dispose());
      },
    });
    this.watchSessions();
  }

  /** The reviews awaited on the task, as last judged. */
  reviewsOf(session: FolderSession, taskKey: string): readonly AwaitedReview[] {
    return this.awaited.get(session)?.get(taskKey) ?? [];
  }

  private watchSessions(): void {
    this.sessionListeners.forEach((listener) => listener.dispose());
    this.sessionListeners = this.sessions.all.map((session) =>
      session.onDidChange(() => this.schedule(session)),
    );
    this.scheduleAll();
  }

  private scheduleAll(): void {
    this.sessions.all.forEach((session) => this.schedule(session));
  }

  private schedule(session: FolderSession): void {
    this.runs.request(session);
  }

  private async run(session: FolderSession): Promise<void> {
    const model = session.state?.model;
    if (!model || this.isDisposed) {
      return;
    }
    try {
      const items = await awaitedReviews({
        folder: session.folder.uri.fsPath,
        model,
        pullRequestReviews: this.pullRequestReviews?.(session),
        slaHours: readSlaHours(coordinatorSettings(session.folder.uri).raw('reviews.slaHours')),
      });
      const byTask = new Map<string, AwaitedReview[]>();
      for (const item of items) {
        byTask.set(item.taskKey, [...(byTask.get(item.taskKey) ?? []), item]);
      }
      this.awaited.set(session, byTask);
      this.changed.fire(session.folder);
    } catch (error) {
      this.log.warn(
        `Reviews of ${session.folder.name} not judged: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
