import * as vscode from 'vscode';
import { OutputChannels } from '../constants';
import type { CoordinatorServices } from '../services';
import { TaskWorkspaceSessions } from './workspaceSessions';

export interface CreatedServices extends CoordinatorServices {
  readonly sessions: TaskWorkspaceSessions;
}

/** Builds the services every feature registers on; everything created is owned by the extension context. */
export function createServices(context: vscode.ExtensionContext): CreatedServices {
  const log = vscode.window.createOutputChannel(OutputChannels.main, { log: true });
  const sessions = new TaskWorkspaceSessions(log);
  context.subscriptions.push(log, sessions);
  return { context, log, sessions };
}
