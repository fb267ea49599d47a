import * as vscode from 'vscode';
import type { GitHubStatus, TaskPullRequestStatus } from '../model/types';
import { ContextKeys, Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { FolderPullRequests, gitHubConfigurationFor } from './folderPullRequests';
import type { GitHubTokenSource } from './tokenSource';

const AUTH_PROVIDERS = new Set(['github', 'github-enterprise']);

/**
 * Pull-request and CI state for every workspace folder, fetched only once something shows it:
 * the tree or dashboard asking about a task with a branch or PR (`want`), or a refresh command.
 * Then refreshed every `coordinator.github.refreshIntervalMinutes`, after sign-in changes and
 * when tasks' branches or PR numbers change.
 */
export class PullRequestStatus extends Disposable {
  private readonly folders = new Map<string, FolderPullRequests>();
  private readonly changed = this.register(new vscode.EventEmitter<FolderSession>());
  /** Fires with the folder whose state changed. */
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setInterval> | undefined;
  private signInNeeded = false;

  /** Whether the "Sign in to GitHub" button shows (context key `coordinator.github.signInNeeded`). */
  get isSignInNeeded(): boolean {
    return this.signInNeeded;
  }

  constructor(
    private readonly services: CoordinatorServices,
    readonly tokens: GitHubTokenSource,
  ) {
    super();
    this.register({ dispose: () => this.stopTimer() });
    this.register({ dispose: () => this.folders.forEach((folder) => folder.dispose()) });
    this.register(services.sessions.onDidChange(() => this.sessionsChanged()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.github`)) {
          const target = [Settings.githubApiBaseUrl, Settings.githubOwner, Settings.githubRepo];
          this.settingsChanged(
            target.some((key) => event.affectsConfiguration(`${Settings.section}.${key}`)),
          );
        }
      }),
    );
    this.register(
      vscode.authentication.onDidChangeSessions((event) => {
        if (AUTH_PROVIDERS.has(event.provider.id)) {
          void this.refreshStarted();
        }
      }),
    );
  }

  /** The folder's state holder (created on first use; creating it fetches nothing). */
  forSession(session: FolderSession): FolderPullRequests {
    const key = session.folder.uri.toString();
    let folder = this.folders.get(key);
    if (folder?.session !== session) {
      folder?.dispose();
      folder = new FolderPullRequests(session, this.tokens, this.services.log, (updated) =>
        this.updated(updated),
      );
      this.folders.set(key, folder);
    }
    return folder;
  }

  /** The latest known state of the folder, without starting anything. */
  statusFor(session: FolderSession): GitHubStatus | undefined {
    return this.folders.get(session.folder.uri.toString())?.status;
  }

  taskStatus(session: FolderSession, taskKey: string): TaskPullRequestStatus | undefined {
    return this.statusFor(session)?.tasks[taskKey];
  }

  /** Something shows PR data for this folder: start fetching it if not yet done. */
  want(session: FolderSession): void {
    const folder = this.forSession(session);
    if (!folder.isStarted) {
      folder.want();
      this.ensureTimer();
    }
  }

  /** Refreshes the given folder, or every folder with a task file; resolves when all are done. */
  async refresh(session?: FolderSession): Promise<void> {
    const sessions = session ? [session] : this.services.sessions.all.filter((s) => s.state?.model);
    this.ensureTimer();
    await Promise.all(sessions.map((s) => this.forSession(s).refresh()));
  }

  /** Interval, settings and sign-in changes: every folder that has started, minding rate limits. */
  private async refreshStarted(): Promise<void> {
    await Promise.all(
      [...this.folders.values()]
        .filter((f) => f.isStarted)
        .map((f) => f.refresh({ scheduled: true })),
    );
  }

  private updated(folder: FolderPullRequests): void {
    this.publishSignInNeeded();
    this.changed.fire(folder.session);
  }

  private publishSignInNeeded(): void {
    const needed = [...this.folders.values()].some((f) => f.needsSignIn);
    if (needed !== this.signInNeeded) {
      this.signInNeeded = needed;
      void vscode.commands.executeCommand('setContext', ContextKeys.githubSignInNeeded, needed);
    }
  }

  private sessionsChanged(): void {
    const live = new Set(this.services.sessions.all.map((s) => s.folder.uri.toString()));
    for (const [key, folder] of this.folders) {
      if (!live.has(key)) {
        folder.dispose();
        this.folders.delete(key);
      } else {
        folder.tasksChanged();
      }
    }
  }

  private settingsChanged(targetChanged: boolean): void {
    for (const folder of this.folders.values()) {
      folder.reset(targetChanged);
    }
    this.stopTimer();
    if ([...this.folders.values()].some((f) => f.isStarted)) {
      this.ensureTimer();
      void this.refreshStarted();
    }
  }

  private ensureTimer(): void {
    if (this.timer !== undefined || this.isDisposed) {
      return;
    }
    const first = this.services.sessions.all[0];
    const minutes = first ? gitHubConfigurationFor(first.folder).refreshIntervalMinutes : 5;
    if (minutes > 0) {
      this.timer = setInterval(() => void this.refreshStarted(), minutes * 60_000);
    }
  }

  private stopTimer(): void {
    if (this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
