import * as vscode from 'vscode';
import { currentBranch } from '../../../platform/git';
import { TaskFileStore } from '../../../platform/taskfile/store';
import { Disposable } from '../../common/vscode/lifecycle';
import { coordinatorSettings } from '../../common/vscode/settings';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { commitPlan } from '../commitPlan';
import { planFileInRepo } from '../planFileInRepo';

/**
 * Commits the task file after each status change when `coordinator.plan.commitOnStatusChange` is
 * on and the checkout holding the file is on `coordinator.plan.coordinatorBranch` (trusted
 * workspaces only). Any writer's change counts: the editor's, an agent's, the CLI's.
 */
export class PlanAutoCommit extends Disposable {
  private readonly statuses = new Map<FolderSession, Map<string, string>>();
  private running: Promise<unknown> = Promise.resolve();
  private readonly committed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the commit after each automatic commit. */
  readonly onDidCommit = this.committed.event;

  constructor(private readonly services: CoordinatorServices) {
    super();
    const watch = () => {
      for (const session of services.sessions.all) {
        if (!this.statuses.has(session)) {
          this.statuses.set(session, statusesOf(session));
          this.register(session.onDidChange(() => this.changed(session)));
        }
      }
    };
    watch();
    this.register(services.sessions.onDidChange(watch));
  }

  private changed(session: FolderSession): void {
    const before = this.statuses.get(session);
    const now = statusesOf(session);
    if (session.state?.broken) {
      return;
    }
    this.statuses.set(session, now);
    const moved = before && [...now].some(([key, status]) => before.get(key) !== status);
    if (moved) {
      this.running = this.running.then(() => this.commit(session)).catch(() => undefined);
    }
  }

  private async commit(session: FolderSession): Promise<void> {
    const settings = coordinatorSettings(session.folder.uri);
    const branch = settings.text('plan.coordinatorBranch', { trim: true });
    if (!vscode.workspace.isTrusted || !settings.flag('plan.commitOnStatusChange') || !branch) {
      return;
    }
    const taskFile = session.taskFile?.fsPath;
    if (!taskFile) {
      return;
    }
    try {
      const { root } = await planFileInRepo(taskFile);
      if ((await currentBranch(root)) !== branch) {
        return;
      }
      const result = await commitPlan({ store: new TaskFileStore(taskFile) });
      if (result.kind === 'committed') {
        this.services.log.info(
          `Committed the plan on ${branch} after a status change (${result.commit}): ${result.message.split('\n')[0]}`,
        );
        this.committed.fire(result.commit);
      }
    } catch (error) {
      this.services.log.warn(
        `Committing the plan after a status change failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

function statusesOf(session: FolderSession): Map<string, string> {
  return new Map(session.state?.model?.tasks.map((task) => [task.key, task.status]) ?? []);
}
