import * as vscode from 'vscode';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { toVscodeDiagnostics } from './toVscodeDiagnostics';

export const DIAGNOSTIC_COLLECTION_NAME = 'coordinator';

/** One `coordinator` collection in the Problems panel, refreshed after every read of every task file. */
export function registerDiagnostics(services: CoordinatorServices): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION_NAME);
  const publish = (): void => {
    collection.clear();
    for (const session of services.sessions.all) {
      if (session.taskFile && session.state) {
        collection.set(
          session.taskFile,
          toVscodeDiagnostics(session.state.text, session.state.diagnostics),
        );
      }
    }
  };
  services.context.subscriptions.push(collection, services.sessions.onDidChange(publish));
  publish();
  return collection;
}
