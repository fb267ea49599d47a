import { settingsReader } from '../../../kernel/config/readSettings';
import type { SettingsSource } from '../../../kernel/config/settingsTable';

/** The worktree settings (`coordinator.worktrees.*`, `coordinator.agents`) with defaults applied and types checked. */
export interface WorktreeSettings {
  branchTemplate: string;
  pathTemplate: string;
  /** Empty: the repository's default branch. */
  baseBranch: string;
  copyGlobs: string[];
  setupCommand: string;
  briefFileName: string;
  openInNewWindow: boolean;
  openTerminal: boolean;
  /** Owner (as written in the task file, or one of several owners) → command line. */
  agents: Record<string, string>;
}

/**
 * Reads the settings through `get(key)` (keys relative to `coordinator`, e.g.
 * `worktrees.branchTemplate`), keeping the default for a missing or mistyped value.
 */
export function readWorktreeSettings(get: SettingsSource): WorktreeSettings {
  const settings = settingsReader(get);
  return {
    branchTemplate: settings.text('worktrees.branchTemplate'),
    pathTemplate: settings.text('worktrees.pathTemplate'),
    baseBranch: settings.text('worktrees.baseBranch'),
    copyGlobs: settings.strings('worktrees.copyGlobs'),
    setupCommand: settings.text('worktrees.setupCommand'),
    briefFileName: settings.text('worktrees.briefFileName'),
    openInNewWindow: settings.flag('worktrees.openInNewWindow'),
    openTerminal: settings.flag('worktrees.openTerminal'),
    agents: settings.stringRecord('agents'),
  };
}

export const DEFAULT_WORKTREE_SETTINGS: Readonly<WorktreeSettings> = readWorktreeSettings(
  () => undefined,
);
