import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../../../../kernel/model/types';
import { LineIndex } from '../../model/textPosition';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'coordinator';

/** Model diagnostics as editor diagnostics, with ranges computed from the text that was read. */
export function toVscodeDiagnostics(
  text: string,
  diagnostics: readonly Diagnostic[],
): vscode.Diagnostic[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = lines.positionAt(d.range.offset);
    const end = lines.positionAt(d.range.offset + Math.max(d.range.length, 0));
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = d.code;
    return diagnostic;
  });
}
