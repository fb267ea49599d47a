import * as path from 'node:path';
import type { GuardrailSettings } from './settings';

/** Where guardrails run for a folder or worktree `root`: the `cwd` setting read against it. */
export function runFolder(root: string, settings: Pick<GuardrailSettings, 'cwd'>): string {
  return settings.cwd ? path.resolve(root, settings.cwd) : root;
}

/** Where run logs go for guardrails that ran in `cwd`. */
export function logFolderFor(cwd: string, settings: Pick<GuardrailSettings, 'logFolder'>): string {
  return path.resolve(cwd, settings.logFolder);
}
