import * as vscode from 'vscode';
import { formatAge } from '../../model/freshness';
import type { GuardrailState } from '../../model/summary';
import { Commands } from '../../../common/vscode/constants';
import type { GuardrailController } from '../guardrailController';
import { isGuardrailArgument, sessionForGuardrails } from '../guardrailTarget';
import type { CoordinatorServices, FolderSession } from '../../../common/vscode/services';

type Pick = vscode.QuickPickItem & { action?: () => Thenable<unknown> };

/**
 * Run Guardrail…: with `{ key, folder }` (dashboard) runs that one; otherwise a quick pick of the
 * folder's guardrails with their verdicts, plus Run All, Cancel and Show Output (the status bar's click).
 */
export function registerRunGuardrail(
  services: CoordinatorServices,
  controller: GuardrailController,
): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.runGuardrail, async (arg?: unknown) => {
    if (!(await controller.checkTrust())) {
      return undefined;
    }
    const session = await sessionForGuardrails(services.sessions, arg);
    if (!session) {
      return undefined;
    }
    if (isGuardrailArgument(arg) && arg.key) {
      return controller.run({ session, keys: [arg.key] });
    }
    const picked = await vscode.window.showQuickPick(picks(session, controller), {
      placeHolder: `Run a guardrail of ${session.folder.name}`,
      matchOnDescription: true,
    });
    return picked?.action?.();
  });
}

function picks(session: FolderSession, controller: GuardrailController): Pick[] {
  const now = Date.now();
  const run = (keys?: string[]) => () => controller.run({ session, keys });
  const items: Pick[] = controller.states(session).map((state) => ({
    label: `$(${state.running ? 'loading~spin' : 'play'}) ${state.key}`,
    description: describe(state, now),
    detail: state.command,
    action: run([state.key]),
  }));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: '$(run-all) Run All Guardrails', action: run() });
  if (controller.isRunning(session)) {
    items.push({
      label: '$(debug-stop) Cancel Guardrails',
      action: async () => controller.cancel(session),
    });
  }
  items.push({
    label: '$(output) Show Guardrail Output',
    action: async () => controller.output.show(),
  });
  return items;
}

function describe(state: GuardrailState, now: number): string {
  const at = state.at ? Date.parse(state.at) : Number.NaN;
  const age = Number.isNaN(at) ? '' : `, ${formatAge(Math.max(0, now - at))}`;
  return `${state.required ? 'required · ' : ''}${state.running ? 'running' : (state.verdict ?? 'not run yet')}${age}`;
}
