import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { GuardrailController } from '../guardrailController';

export function registerShowGuardrailOutput(controller: GuardrailController): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.showGuardrailOutput, () =>
    controller.output.show(),
  );
}
