import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { waitsOver, type WaitOver } from '../model/softDependencies';

export const START = 'Start';

/** Where the waits already told are remembered, so a reload does not tell them again. */
const TOLD_KEY = 'coordinator.conflicts.waitsTold';

/**
 * Tells the user, once, when every task a task waits for (`waits_for`, recorded by Wait at
 * start) has finished, with a Start button that runs Start Task in Worktree for it. "Once"
 * holds across reloads; a wait that ends (the task starts) is forgotten, so waiting again
 * is told again.
 */
export class WaitNotifier extends Disposable {
  private readonly told: Set<string>;

  constructor(
    private readonly sessions: WorkspaceSessions,
    private readonly memory: vscode.Memento,
  ) {
    super();
    this.told = new Set(memory.get<string[]>(TOLD_KEY, []));
    this.register(sessions.onDidChange(() => this.check()));
    this.check();
  }

  private check(): void {
    const before = this.told.size;
    let forgot = false;
    for (const session of this.sessions.all) {
      const model = session.state?.model;
      if (!model) {
        continue;
      }
      const prefix = `${session.folder.uri.toString()}#`;
      const over = waitsOver(model).map((wait) => ({
        wait,
        id: `${prefix}${wait.task.key}#${wait.waitedFor.join(',')}`,
      }));
      const current = new Set(over.map(({ id }) => id));
      for (const id of this.told) {
        if (id.startsWith(prefix) && !current.has(id)) {
          this.told.delete(id);
          forgot = true;
        }
      }
      for (const { wait, id } of over) {
        if (!this.told.has(id)) {
          this.told.add(id);
          void this.tell(session, wait);
        }
      }
    }
    if (forgot || this.told.size !== before) {
      void this.memory.update(TOLD_KEY, [...this.told]);
    }
  }

  private async tell(session: FolderSession, { task, waitedFor }: WaitOver): Promise<void> {
    const which = waitedFor.join(', ');
    const choice = await vscode.window.showInformationMessage(
      `${which} ${waitedFor.length === 1 ? 'has' : 'have'} finished: ${task.key} ("${task.name}") was waiting for ${waitedFor.length === 1 ? 'it' : 'them'}.`,
      START,
    );
    if (choice === START) {
      await vscode.commands.executeCommand(Commands.startTaskInWorktree, {
        taskKey: task.key,
        folder: session.folder.uri.toString(),
      });
    }
  }
}
