import * as vscode from 'vscode';
import { readGuardrailSettings as parseGuardrailSettings } from '../model/settings';
import type { GuardrailSettings } from '../model/settings';
import { Settings } from '../../common/vscode/constants';

export type { GuardrailSettings };

/** The `coordinator.guardrails.*` settings of one workspace folder, read and checked. */
export function readGuardrailSettings(scope: vscode.Uri | undefined): GuardrailSettings {
  const config = vscode.workspace.getConfiguration(Settings.section, scope);
  return parseGuardrailSettings((key) => config.get<unknown>(key));
}
