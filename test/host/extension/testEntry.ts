// The host tests' build of the extension (bundled to out/host-extension/dist/testEntry.js, the
// `main` of that folder's copy of package.json). It composes the same features as the shipped
// extension, with UI ports the tests answer, and hands the composed features to the tests.
import type * as vscode from 'vscode';
import {
  composeCoordinator,
  type ComposedCoordinator,
} from '../../../src/hosts/vscode/composeCoordinator';
import type { CoordinatorApi } from '../../../src/hosts/vscode/extension';
import { windowPorts } from '../../../src/hosts/vscode/windowPorts';
import { RecordingGuardrailChannel } from './recordingGuardrailChannel';
import { ScriptedGuardrailPrompts } from './scriptedGuardrailPrompts';
import { ScriptedWorktreeUi } from './scriptedWorktreeUi';

/** The live objects the host tests read and the ports they answer. */
export interface CoordinatorTesting extends ComposedCoordinator {
  /** Answers the guardrail feature's questions instead of showing dialogs. */
  readonly guardrailPrompts: ScriptedGuardrailPrompts;
  /** The guardrail output channel, keeping what was shown in it. */
  readonly guardrailChannel: RecordingGuardrailChannel;
  /** Answers the worktree commands' questions and records their messages. */
  readonly worktreeUi: ScriptedWorktreeUi;
}

/** What this build's activate() returns: the shipped API plus `testing`. */
export interface HostTestApi extends CoordinatorApi {
  readonly testing: CoordinatorTesting;
}

export function activate(context: vscode.ExtensionContext): HostTestApi {
  const started = performance.now();
  const window = windowPorts();
  const guardrailPrompts = new ScriptedGuardrailPrompts(window.guardrailPrompts);
  const guardrailChannel = new RecordingGuardrailChannel(window.guardrailChannel);
  const worktreeUi = new ScriptedWorktreeUi(window.worktreeUi);
  const composed = composeCoordinator(context, { guardrailPrompts, guardrailChannel, worktreeUi });
  return {
    activationMs: performance.now() - started,
    testing: { ...composed, guardrailPrompts, guardrailChannel, worktreeUi },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
