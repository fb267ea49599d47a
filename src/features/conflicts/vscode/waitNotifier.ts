import * as vscode from 'vscode';
import { Commands } from '../../common/vscode/constants';
import { Disposable } from '../../common/vscode/lifecycle';
import type { FolderSession, WorkspaceSessions } from '../../common/vscode/services';
import { waitsOver, type WaitOver } from '../model/softDependencies';

export const START = 'Start';

/**
 * Tells the user, once, when every task a task waits for (`waits_for`, recorded by Wait at
 * start) has finished, with a Start button that runs Start Task in Worktree for it.
 */
export class WaitNotifier extends Disposable {
  private readonly told = new Set<string>();

  constructor(private readonly sessions: WorkspaceSessions) {
    super();
    this.register(sessions.onDidChange(() => this.check()));
    this.check();
  }

  private check(): void {
    for (const session of this.sessions.all) {
      const model = session.state?.model;
      for (const over of model ? waitsOver(model) : []) {
        const id = `${session.folder.uri.toString()}#${over.task.key}#${over.waitedFor.join(',')}`;
        if (!this.told.has(id)) {
          this.told.add(id);
          void this.tell(session, over);
        }
      }
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
