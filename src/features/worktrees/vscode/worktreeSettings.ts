import * as vscode from 'vscode';
import { readWorktreeSettings, type WorktreeSettings } from '../model/settings';
import { Settings } from '../../common/vscode/constants';

/** `coordinator.worktrees.*` and `coordinator.agents` for a folder, defaults applied. */
export function worktreeSettingsFor(folder: vscode.WorkspaceFolder | undefined): WorktreeSettings {
  const configuration = vscode.workspace.getConfiguration(Settings.section, folder);
  return readWorktreeSettings((key) => configuration.get(key));
}
