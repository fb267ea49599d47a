import * as vscode from 'vscode';
import { registerCommands } from './commands';

/** What activate() returns to other extensions and to the host tests. */
export interface CoordinatorApi {
  /** How long activate() took, in milliseconds (read by the bench). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): CoordinatorApi {
  const started = performance.now();
  registerCommands(context);
  return { activationMs: performance.now() - started };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
