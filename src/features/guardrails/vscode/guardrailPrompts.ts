import * as vscode from 'vscode';

/** What to do when guardrails are asked for while others run in the same folder. */
export type BusyChoice = 'queue' | 'cancelRunning' | undefined;

/** What the user chose when a task is marked completed before its required guardrails passed. */
export type CompletionChoice = 'complete' | 'runThenComplete' | 'showTask' | undefined;

/**
 * Every question and refusal the guardrail feature puts to the user: the feature's part of the UI
 * port, given to the controller when the extension is composed.
 */
export interface GuardrailPrompts {
  refuseUntrusted(message: string): Promise<void>;
  whenBusy(folderName: string): Promise<BusyChoice>;
  /** `canRunGuardrails`: some required guardrails are missing, so running them may meet the gate. */
  confirmCompletion(
    message: string,
    detail: string,
    canRunGuardrails: boolean,
  ): Promise<CompletionChoice>;
}

export const UNTRUSTED_MESSAGE =
  'Guardrails were not run: they are shell commands from the task file and settings of this repository, ' +
  'and this workspace is not trusted (Restricted Mode). Trust the workspace to run them.';

const MANAGE_TRUST = 'Manage Workspace Trust';
const QUEUE = 'Run After Them';
const CANCEL_RUNNING = 'Cancel Running';
export const RUN_THEN_COMPLETE = 'Run Guardrails, Then Complete';
export const COMPLETE_ANYWAY = 'Mark Completed Anyway';
export const SHOW_TASK = 'Show Task';

export const windowPrompts: GuardrailPrompts = {
  async refuseUntrusted(message) {
    const choice = await vscode.window.showWarningMessage(message, MANAGE_TRUST);
    if (choice === MANAGE_TRUST) {
      await vscode.commands.executeCommand('workbench.trust.manage');
    }
  },
  async whenBusy(folderName) {
    const choice = await vscode.window.showWarningMessage(
      `Guardrails are already running in ${folderName}.`,
      QUEUE,
      CANCEL_RUNNING,
    );
    return choice === QUEUE ? 'queue' : choice === CANCEL_RUNNING ? 'cancelRunning' : undefined;
  },
  async confirmCompletion(message, detail, canRunGuardrails) {
    // A modal focuses its first button, so Enter runs the gate (or shows the task) instead of
    // skipping it.
    const safe = canRunGuardrails ? RUN_THEN_COMPLETE : SHOW_TASK;
    const choice = await vscode.window.showWarningMessage(
      message,
      { modal: true, detail },
      safe,
      COMPLETE_ANYWAY,
    );
    return choice === COMPLETE_ANYWAY
      ? 'complete'
      : choice === RUN_THEN_COMPLETE
        ? 'runThenComplete'
        : choice === SHOW_TASK
          ? 'showTask'
          : undefined;
  },
};
