import * as vscode from 'vscode';
import { Settings } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import { coordinatorSettings } from '../../common/vscode/settings';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { planAcrossBranches } from '../branchPlans';
import type { BranchDrift, TaskOnBranch } from '../model/branchDrift';

/** Quiet time after a change before the branches are read again. */
const DEBOUNCE_MS = 1000;

/**
 * The plan as every branch sees it, per folder: read again (debounced) when the plan changes or a
 * branch moves, and after a fetch of every remote when `coordinator.plan.fetchIntervalMinutes`
 * asks for one (trusted workspaces only). `coordinator.plan.branchesView` turns it off.
 */
export class PlanOnBranches extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly drifts = new Map<FolderSession, BranchDrift>();
  private readonly timers = new Map<FolderSession, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<FolderSession, Promise<void>>();
  private readonly fetchDue = new Set<FolderSession>();
  private fetchTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(sessions.onDidChange(() => this.scheduleAll()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.plan`)) {
          this.restartFetching();
          this.scheduleAll();
        }
      }),
    );
    const refs = vscode.workspace.createFileSystemWatcher(
      '**/.git/{refs/heads/**,refs/remotes/**,packed-refs}',
    );
    this.register(refs);
    for (const event of [refs.onDidChange, refs.onDidCreate, refs.onDidDelete]) {
      this.register(event(() => this.scheduleAll()));
    }
    this.register({
      dispose: () => {
        this.timers.forEach((timer) => clearTimeout(timer));
        clearInterval(this.fetchTimer);
      },
    });
    this.restartFetching();
    this.scheduleAll();
  }

  /** Where each task of the folder's plan is further along on a branch, when known. */
  onBranches(session: FolderSession, taskKey: string): readonly TaskOnBranch[] | undefined {
    return this.drifts.get(session)?.byTask.get(taskKey);
  }

  driftFor(session: FolderSession): BranchDrift | undefined {
    return this.drifts.get(session);
  }

  /** Reads the branches now (fetching first when asked) and resolves when done. */
  async refresh(session: FolderSession, fetch = false): Promise<BranchDrift | undefined> {
    if (fetch) {
      this.fetchDue.add(session);
    }
    await this.run(session);
    return this.drifts.get(session);
  }

  private restartFetching(): void {
    clearInterval(this.fetchTimer);
    this.fetchTimer = undefined;
    const minutes = Math.max(
      0,
      ...this.sessions.all.map((session) =>
        coordinatorSettings(session.folder.uri).number('plan.fetchIntervalMinutes', (n) => n >= 0),
      ),
    );
    if (minutes > 0) {
      this.fetchTimer = setInterval(() => {
        this.sessions.all.forEach((session) => this.fetchDue.add(session));
        this.scheduleAll();
      }, minutes * 60_000);
    }
  }

  private scheduleAll(): void {
    for (const session of this.sessions.all) {
      clearTimeout(this.timers.get(session));
      this.timers.set(
        session,
        setTimeout(() => void this.run(session), DEBOUNCE_MS),
      );
    }
  }

  private run(session: FolderSession): Promise<void> {
    this.timers.delete(session);
    const next = (this.running.get(session) ?? Promise.resolve()).then(() => this.read(session));
    this.running.set(session, next);
    return next;
  }

  private async read(session: FolderSession): Promise<void> {
    const settings = coordinatorSettings(session.folder.uri);
    const model = session.state?.model;
    if (!settings.flag('plan.branchesView') || !session.taskFile || !model) {
      if (this.drifts.delete(session)) {
        this.changed.fire();
      }
      return;
    }
    const fetch = this.fetchDue.delete(session) && vscode.workspace.isTrusted;
    try {
      const drift = await planAcrossBranches(session.taskFile.fsPath, model, { fetch });
      this.drifts.set(session, drift);
      this.changed.fire();
    } catch (error) {
      this.log.warn(
        `Reading the plan on ${session.folder.name}'s branches failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
