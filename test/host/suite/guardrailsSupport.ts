// Helpers shared by the guardrail host suites: markers the fixture's commands write, prompts that
// answer and record instead of showing dialogs, and the raw guardrail entries of the task file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type {
  BusyChoice,
  CompletionChoice,
  GuardrailPrompts,
} from '../../../src/features/guardrails/vscode/guardrailPrompts';
import type { ScriptedGuardrailPrompts } from '../extension/scriptedGuardrailPrompts';
import type { CoordinatorTesting } from '../extension/testEntry';
import type { FolderSession } from '../../../src/features/common/vscode/services';

export const GUARDRAIL_KEYS = [
  'state_sweep',
  'shadow_diff',
  'compat_enforce',
  'openapi_validation',
];

export function markerPath(root: string, key: string): string {
  return path.join(root, '.dev', 'ran', key);
}

export function ranMarkers(root: string): string[] {
  const folder = path.join(root, '.dev', 'ran');
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

export interface RecordedPrompts extends GuardrailPrompts {
  readonly refusals: string[];
  readonly completions: { message: string; detail: string }[];
  completionAnswer: CompletionChoice;
  busyAnswer: BusyChoice;
}

/** Answers the guardrail prompts for the duration of a suite; call the returned function to restore. */
export function recordPrompts(port: ScriptedGuardrailPrompts): {
  prompts: RecordedPrompts;
  restore(): void;
} {
  const prompts: RecordedPrompts = {
    refusals: [],
    completions: [],
    completionAnswer: undefined,
    busyAnswer: 'queue',
    async refuseUntrusted(message) {
      prompts.refusals.push(message);
    },
    async whenBusy() {
      return prompts.busyAnswer;
    },
    async confirmCompletion(message, detail) {
      prompts.completions.push({ message, detail });
      return prompts.completionAnswer;
    },
  };
  return { prompts, restore: port.answerWith(prompts) };
}

export type RawGuardrail = {
  status: string;
  last_run?: string;
  duration_ms?: number;
  command: string;
};

export function rawGuardrails(session: FolderSession): Record<string, RawGuardrail> {
  const file = JSON.parse(fs.readFileSync(session.taskFile!.fsPath, 'utf8')) as {
    pre_audit_guardrails: Record<string, RawGuardrail>;
  };
  return file.pre_audit_guardrails;
}

export function themeColorId(color: vscode.ThemeColor | undefined): string | undefined {
  return color?.id;
}

/** The last text the guardrail channel showed, once the runs' batched output is flushed to it. */
export function guardrailOutputText(testing: CoordinatorTesting): string {
  testing.guardrails.controller.output.flush();
  return testing.guardrailChannel.recentText();
}
