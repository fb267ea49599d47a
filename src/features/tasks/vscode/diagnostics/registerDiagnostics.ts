import * as vscode from 'vscode';
import type { Diagnostic } from '../../../../kernel/model/types';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { registerDependencyQuickFix } from './dependencyQuickFix';
import { toVscodeDiagnostics } from './toVscodeDiagnostics';

export const DIAGNOSTIC_COLLECTION_NAME = 'coordinator';

const JSON_SYNTAX = 'json-syntax';

/**
 * One `coordinator` collection in the Problems panel, refreshed after every read of every task file.
 * A syntax error is left to VS Code's JSON language service while it validates the file (open in a
 * JSON editor, validation on), so Problems lists it once; for a closed file it comes from here.
 */
export function registerDiagnostics(services: CoordinatorServices): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION_NAME);
  const publish = (): void => {
    collection.clear();
    for (const session of services.sessions.all) {
      if (session.taskFile && session.state) {
        const shown = jsonServiceValidates(session.taskFile)
          ? session.state.diagnostics.filter((d: Diagnostic) => d.code !== JSON_SYNTAX)
          : session.state.diagnostics;
        collection.set(session.taskFile, toVscodeDiagnostics(session.state.text, shown));
      }
    }
  };
  const isTaskFile = (document: vscode.TextDocument) =>
    services.sessions.all.some((s) => s.taskFile?.toString() === document.uri.toString());
  const publishFor = (document: vscode.TextDocument) => {
    if (isTaskFile(document)) {
      publish();
    }
  };
  services.context.subscriptions.push(
    collection,
    services.sessions.onDidChange(publish),
    vscode.workspace.onDidOpenTextDocument(publishFor),
    vscode.workspace.onDidCloseTextDocument(publishFor),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('json.validate.enable')) {
        publish();
      }
    }),
    registerDependencyQuickFix(services),
  );
  publish();
  return collection;
}

function jsonServiceValidates(file: vscode.Uri): boolean {
  const open = vscode.workspace.textDocuments.some(
    (document) =>
      !document.isClosed &&
      document.languageId === 'json' &&
      document.uri.toString() === file.toString(),
  );
  return (
    open && vscode.workspace.getConfiguration('json', file).get<boolean>('validate.enable', true)
  );
}
