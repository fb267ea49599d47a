import * as vscode from 'vscode';

/**
 * The few window calls the worktree commands make, behind one object so the extension-host tests
 * can answer a modal confirmation or record an "open in new window" without a person.
 */
export interface WorktreeUi {
  /** A modal question; resolves to the chosen action or undefined when dismissed. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
  openFolderInNewWindow(path: string): Promise<void>;
  /** A multi-select list; resolves to the picked items, undefined when dismissed. */
  pickMany<T extends vscode.QuickPickItem>(
    items: T[],
    placeHolder: string,
  ): Promise<T[] | undefined>;
}

export const vscodeWorktreeUi: WorktreeUi = {
  confirm: (message, detail, ...actions) =>
    Promise.resolve(vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions)),
  info: (message, ...actions) =>
    Promise.resolve(vscode.window.showInformationMessage(message, ...actions)),
  warn: (message, ...actions) =>
    Promise.resolve(vscode.window.showWarningMessage(message, ...actions)),
  error: (message, ...actions) =>
    Promise.resolve(vscode.window.showErrorMessage(message, ...actions)),
  pickMany: (items, placeHolder) =>
    Promise.resolve(vscode.window.showQuickPick(items, { canPickMany: true, placeHolder })),
  openFolderInNewWindow: async (path) => {
    await vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(path), {
      forceNewWindow: true,
    });
  },
};

/** A swappable holder: features read `ui.current` at call time, tests set it and put the default back. */
export class WorktreeUiHolder {
  current: WorktreeUi = vscodeWorktreeUi;

  reset(): void {
    this.current = vscodeWorktreeUi;
  }
}
