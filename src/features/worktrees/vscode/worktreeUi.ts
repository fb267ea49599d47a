import * as vscode from 'vscode';

/**
 * The worktree feature's UI port: the few window calls its commands make (modal questions,
 * messages, a multi-select list, opening a folder in a new window). The extension composes it
 * with `vscodeWorktreeUi`.
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
