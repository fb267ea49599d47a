import * as vscode from 'vscode';
import type { TaskModel } from '../../../kernel/model/types';
import { Disposable } from '../../common/vscode/lifecycle';
import { coordinatorSettings } from '../../common/vscode/settings';
import type { CoordinatorServices, FolderSession } from '../../common/vscode/services';
import { commitPlanOnStatusChange, planAutoCommitLine } from '../commitPlanOnStatusChange';

/**
 * Commits the task file after each status change when `coordinator.plan.commitOnStatusChange` is
 * on and the checkout holding the file is on `coordinator.plan.coordinatorBranch` (trusted
 * workspaces only), through the use case `coord set` and `coord mcp` share. Any writer's change
 * counts here: the editor's, or an agent's or the CLI's that did not commit it (their commit
 * leaves nothing for this one to do).
 */
export class PlanAutoCommit extends Disposable {
  private readonly models = new Map<FolderSession, TaskModel | undefined>();
  private running: Promise<unknown> = Promise.resolve();
  private readonly committed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the commit after each automatic commit. */
  readonly onDidCommit = this.committed.event;

  constructor(private readonly services: CoordinatorServices) {
    super();
    const watch = () => {
      for (const session of services.sessions.all) {
        if (!this.models.has(session)) {
          this.models.set(session, session.state?.model);
          this.register(session.onDidChange(() => this.changed(session)));
        }
      }
    };
    watch();
    this.register(services.sessions.onDidChange(watch));
  }

  private changed(session: FolderSession): void {
    if (session.state?.broken) {
      return;
    }
    const before = this.models.get(session);
    const after = session.state?.model;
    this.models.set(session, after);
    // The use case reports failures as outcomes; the catch only keeps the queue going.
    this.running = this.running
      .then(() => this.commit(session, before, after))
      .catch((error: unknown) => this.services.log.warn(`After a status change: ${String(error)}`));
  }

  private async commit(
    session: FolderSession,
    before: TaskModel | undefined,
    after: TaskModel | undefined,
  ): Promise<void> {
    const taskFilePath = session.taskFile?.fsPath;
    if (!taskFilePath) {
      return;
    }
    const outcome = await commitPlanOnStatusChange({
      taskFilePath,
      before,
      after,
      settings: coordinatorSettings(session.folder.uri),
      trusted: vscode.workspace.isTrusted,
    });
    const line = planAutoCommitLine(outcome);
    if (outcome.kind === 'committed') {
      this.services.log.info(`After a status change: ${line}`);
      this.committed.fire(outcome.commit);
    } else if (line) {
      this.services.log.warn(`After a status change: ${line}`);
    }
  }
}
