import * as path from 'node:path';
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

/** Where guardrails run for a folder or worktree `root`: the `cwd` setting read against it. */
export function runFolder(root: string, settings: Pick<GuardrailSettings, 'cwd'>): string {
  return settings.cwd ? path.resolve(root, settings.cwd) : root;
}

/** Where run logs go for guardrails that ran in `cwd`. */
export function logFolderFor(cwd: string, settings: Pick<GuardrailSettings, 'logFolder'>): string {
  return path.resolve(cwd, settings.logFolder);
}
