import type * as vscode from 'vscode';
import { composeCoordinator } from './composeCoordinator';
import { windowPorts } from './windowPorts';

/** What activate() returns to other extensions. */
export interface CoordinatorApi {
  /** How long activate() took, in milliseconds (read by the bench). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): CoordinatorApi {
  const started = performance.now();
  composeCoordinator(context, windowPorts());
  return { activationMs: performance.now() - started };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
