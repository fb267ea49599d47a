import * as vscode from 'vscode';
import { LineIndex } from '../../model/textPosition';
import type { CoordinatorServices } from '../../../common/vscode/services';
import { DIAGNOSTIC_SOURCE } from './toVscodeDiagnostics';

const UNKNOWN_DEPENDENCY = 'unknown-dependency';

/**
 * The quick fix of a dependency name that looks like a mistyped task key: replace it with the key.
 * The replacement comes from the last read of the file, and is offered only while the editor still
 * holds that text, so an unsaved edit never gets a fix computed for other offsets.
 */
export function registerDependencyQuickFix(services: CoordinatorServices): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: 'json', scheme: 'file' },
    {
      provideCodeActions(document, range, context) {
        const session = services.sessions.all.find(
          (s) => s.taskFile?.toString() === document.uri.toString(),
        );
        const state = session?.state;
        if (!state || state.text !== document.getText()) {
          return [];
        }
        const lines = new LineIndex(state.text);
        const actions: vscode.CodeAction[] = [];
        for (const problem of state.diagnostics) {
          if (problem.code !== UNKNOWN_DEPENDENCY || problem.suggestion === undefined) {
            continue;
          }
          const start = lines.positionAt(problem.range.offset);
          const end = lines.positionAt(problem.range.offset + problem.range.length);
          const at = new vscode.Range(start.line, start.character, end.line, end.character);
          if (!at.intersection(range)) {
            continue;
          }
          const action = new vscode.CodeAction(
            `Change to "${problem.suggestion}"`,
            vscode.CodeActionKind.QuickFix,
          );
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, at, JSON.stringify(problem.suggestion));
          action.diagnostics = context.diagnostics.filter(
            (d) =>
              d.source === DIAGNOSTIC_SOURCE &&
              d.code === UNKNOWN_DEPENDENCY &&
              d.range.isEqual(at),
          );
          action.isPreferred = true;
          actions.push(action);
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
