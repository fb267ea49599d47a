import { windowPrompts } from '../../features/guardrails/vscode/guardrailPrompts';
import { vscodeWorktreeUi } from '../../features/worktrees/vscode/worktreeUi';
import type { CoordinatorPorts } from './composeCoordinator';

/** The UI ports of a real window: dialogs, messages and pickers shown to the user. */
export const windowPorts: CoordinatorPorts = {
  guardrailPrompts: windowPrompts,
  worktreeUi: vscodeWorktreeUi,
};
