import type * as vscode from 'vscode';
import type { WorktreeUi } from '../../../src/features/worktrees/vscode/worktreeUi';

/**
 * The worktree UI port of the host-test extension: a test answers its questions and records its
 * messages through `answerWith`; without answers it shows the real window's.
 */
export class ScriptedWorktreeUi implements WorktreeUi {
  private answers: WorktreeUi | undefined;

  constructor(private readonly shown: WorktreeUi) {}

  /** Answers every call with `answers` until `reset()` or the returned function is called. */
  answerWith(answers: WorktreeUi): () => void {
    this.answers = answers;
    return () => {
      if (this.answers === answers) {
        this.answers = undefined;
      }
    };
  }

  /** Shows the real window's UI again. */
  reset(): void {
    this.answers = undefined;
  }

  private get ui(): WorktreeUi {
    return this.answers ?? this.shown;
  }

  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    return this.ui.confirm(message, detail, ...actions);
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.ui.info(message, ...actions);
  }

  warn(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.ui.warn(message, ...actions);
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.ui.error(message, ...actions);
  }

  openFolderInNewWindow(path: string): Promise<void> {
    return this.ui.openFolderInNewWindow(path);
  }

  pickMany<T extends vscode.QuickPickItem>(
    items: T[],
    placeHolder: string,
  ): Promise<T[] | undefined> {
    return this.ui.pickMany(items, placeHolder);
  }
}
