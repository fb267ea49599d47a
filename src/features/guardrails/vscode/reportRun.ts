import * as vscode from 'vscode';
import { reasonWithCause } from '../model/format';
import { requiredPassed } from '../model/runLog';
import type { GuardrailResult } from '../model/types';

const SHOW_OUTPUT = 'Show Output';

/** One notification after a run: what failed, or that the required ones passed. */
export function reportRun(
  results: readonly GuardrailResult[],
  cancelled: boolean,
  showOutput: () => void,
): void {
  const required = results.filter((r) => r.required);
  const passing = required.filter((r) => r.verdict === 'pass').length;
  const failed = results.filter((r) => r.verdict === 'fail' || r.verdict === 'error');
  const counts = `${passing}/${required.length} required passing`;
  const offer = (show: Thenable<string | undefined>): void => {
    void show.then((choice) => choice === SHOW_OUTPUT && showOutput());
  };
  if (cancelled) {
    offer(vscode.window.showInformationMessage(`Guardrails cancelled: ${counts}.`, SHOW_OUTPUT));
  } else if (!requiredPassed(results) || failed.length > 0) {
    const names = failed.map((r) => `${r.key} (${reasonWithCause(r)})`).join(', ');
    offer(
      vscode.window.showWarningMessage(
        `Guardrails: ${counts}${names ? `; failed: ${names}` : ''}.`,
        SHOW_OUTPUT,
      ),
    );
  } else {
    offer(vscode.window.showInformationMessage(`Guardrails: ${counts}.`, SHOW_OUTPUT));
  }
}
