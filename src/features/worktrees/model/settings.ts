import { settingsReader } from '../../../kernel/config/readSettings';
import type { SettingsSource } from '../../../kernel/config/settingsTable';

export type StatusAfterRemoval = 'not_started' | 'blocked';

/** The worktree settings (`coordinator.worktrees.*`, `coordinator.agents`) with defaults applied and types checked. */
export interface WorktreeSettings {
  branchTemplate: string;
  pathTemplate: string;
  /** Empty: the repository's default branch. */
  baseBranch: string;
  copyGlobs: string[];
  /** Heavy folders (`node_modules`, build caches) prepared from the main checkout in a new worktree. */
  sharedDependencies: string[];
  setupCommand: string;
  /** Run in a worktree, and waited for, before it is removed. */
  teardownCommand: string;
  /** Where a task in progress goes when its unmerged worktree is removed. */
  statusAfterRemoval: StatusAfterRemoval;
  /** No commit and no file change for this many days: abandoned. */
  abandonedDays: number;
  briefFileName: string;
  openInNewWindow: boolean;
  openTerminal: boolean;
  /** First port of the task port blocks. */
  portBase: number;
  /** Ports per task; 0 gives tasks no ports. */
  portBlockSize: number;
  /** More per-task environment variables: name → template (`${taskKey}`, `${repo}`, `${port}`…). */
  taskEnv: Record<string, string>;
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
    sharedDependencies: settings.strings('worktrees.sharedDependencies'),
    setupCommand: settings.text('worktrees.setupCommand'),
    teardownCommand: settings.text('worktrees.teardownCommand'),
    statusAfterRemoval:
      settings.text('worktrees.statusAfterRemoval') === 'blocked' ? 'blocked' : 'not_started',
    abandonedDays: settings.number('worktrees.abandonedDays', (days) => days > 0),
    briefFileName: settings.text('worktrees.briefFileName'),
    openInNewWindow: settings.flag('worktrees.openInNewWindow'),
    openTerminal: settings.flag('worktrees.openTerminal'),
    portBase: settings.number(
      'worktrees.ports.base',
      (value) => Number.isInteger(value) && value >= 1024 && value <= 65535,
    ),
    portBlockSize: settings.number(
      'worktrees.ports.blockSize',
      (value) => Number.isInteger(value) && value >= 0 && value <= 1000,
    ),
    taskEnv: settings.stringRecord('worktrees.taskEnv'),
    agents: settings.stringRecord('agents'),
  };
}

export const DEFAULT_WORKTREE_SETTINGS: Readonly<WorktreeSettings> = readWorktreeSettings(
  () => undefined,
);
