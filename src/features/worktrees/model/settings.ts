import { DEFAULT_BRANCH_TEMPLATE, DEFAULT_PATH_TEMPLATE } from './naming/taskNames';

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

export const DEFAULT_WORKTREE_SETTINGS: Readonly<WorktreeSettings> = {
  branchTemplate: DEFAULT_BRANCH_TEMPLATE,
  pathTemplate: DEFAULT_PATH_TEMPLATE,
  baseBranch: '',
  copyGlobs: ['.env*'],
  setupCommand: '',
  briefFileName: 'TASK_BRIEF.md',
  openInNewWindow: false,
  openTerminal: true,
  agents: { Codex: 'codex', 'Claude Code': 'claude' },
};

/**
 * Reads the settings through `get(key)` (keys relative to `coordinator`, e.g.
 * `worktrees.branchTemplate`), keeping the default for a missing or mistyped value.
 */
export function readWorktreeSettings(get: (key: string) => unknown): WorktreeSettings {
  const text = (key: string, fallback: string) => {
    const value = get(key);
    return typeof value === 'string' && value.trim().length > 0 ? value : fallback;
  };
  const flag = (key: string, fallback: boolean) => {
    const value = get(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const globs = get('worktrees.copyGlobs');
  const agents = get('agents');
  const d = DEFAULT_WORKTREE_SETTINGS;
  return {
    branchTemplate: text('worktrees.branchTemplate', d.branchTemplate),
    pathTemplate: text('worktrees.pathTemplate', d.pathTemplate),
    baseBranch: text('worktrees.baseBranch', d.baseBranch),
    copyGlobs: Array.isArray(globs)
      ? globs.filter((glob): glob is string => typeof glob === 'string')
      : [...d.copyGlobs],
    setupCommand: text('worktrees.setupCommand', d.setupCommand),
    briefFileName: text('worktrees.briefFileName', d.briefFileName),
    openInNewWindow: flag('worktrees.openInNewWindow', d.openInNewWindow),
    openTerminal: flag('worktrees.openTerminal', d.openTerminal),
    agents:
      agents && typeof agents === 'object' && !Array.isArray(agents)
        ? Object.fromEntries(
            Object.entries(agents).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string',
            ),
          )
        : { ...d.agents },
  };
}
