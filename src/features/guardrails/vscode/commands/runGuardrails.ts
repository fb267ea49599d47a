import * as vscode from 'vscode';
import { Commands } from '../../../common/vscode/constants';
import type { GuardrailController } from '../guardrailController';
import { sessionForGuardrails } from '../guardrailTarget';
import type { CoordinatorServices } from '../../../common/vscode/services';

/** Run All Guardrails of a folder (the argument's, the active editor's, or the one picked). */
export function registerRunGuardrails(
  services: CoordinatorServices,
  controller: GuardrailController,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.runGuardrails, async (arg?: unknown) => {
    if (!(await controller.checkTrust())) {
      return undefined;
    }
    const session = await sessionForGuardrails(services.sessions, arg);
    return session ? controller.run({ session }) : undefined;
  });
}
