import { windowPrompts } from '../../features/guardrails/vscode/guardrailPrompts';
import { windowGuardrailChannel } from '../../features/guardrails/vscode/guardrailOutput';
import { vscodeWorktreeUi } from '../../features/worktrees/vscode/worktreeUi';
import type { CoordinatorPorts } from './composeCoordinator';

/** The UI ports of a real window: dialogs, messages, pickers and channels shown to the user. */
export function windowPorts(): CoordinatorPorts {
  return {
    guardrailPrompts: windowPrompts,
    guardrailChannel: windowGuardrailChannel(),
    worktreeUi: vscodeWorktreeUi,
  };
}
