import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { GuardrailController } from '../guardrails/guardrailController';

export function registerShowGuardrailOutput(controller: GuardrailController): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showGuardrailOutput, () =>
    controller.output.show(),
  );
}
