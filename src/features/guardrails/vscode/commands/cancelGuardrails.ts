import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { GuardrailController } from '../guardrailController';

/** Cancels every guardrail run under way or queued; each kills its whole process tree. */
export function registerCancelGuardrails(controller: GuardrailController): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.cancelGuardrails, () => {
    if (!controller.cancel()) {
      void vscode.window.showInformationMessage('No guardrails are running.');
      return false;
    }
    return true;
  });
}
