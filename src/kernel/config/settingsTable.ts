/**
 * Every `coordinator.*` setting, once: its key below `coordinator.`, its default, and whether
 * VS Code ignores a repository's value for it in an untrusted workspace (and so does the CLI
 * until the repository is trusted). package.json's `contributes.configuration` defaults and
 * `restrictedConfigurations` are tested against this table.
 */
export const SETTINGS = {
  taskFile: { default: '', restricted: false },
  me: { default: '', restricted: false },
  'tasks.groupBy': { default: 'group', restricted: false },
  'tasks.sortBy': { default: 'file', restricted: false },
  'notifications.taskReady': { default: true, restricted: false },
  'notifications.agentExit': { default: true, restricted: false },
  'notifications.agentAttention': { default: true, restricted: false },
  'agentState.staleAfterMinutes': { default: 10, restricted: false },
  'github.apiBaseUrl': { default: '', restricted: true },
  'github.owner': { default: '', restricted: false },
  'github.repo': { default: '', restricted: false },
  'github.refreshIntervalMinutes': { default: 5, restricted: false },
  'github.prBodyTemplate': { default: '', restricted: false },
  'github.draft': { default: false, restricted: false },
  'github.criticalReviewLabels': { default: ['critical-review'], restricted: false },
  'github.criticalReviewReviewers': { default: [], restricted: false },
  'github.fetchReviews': { default: true, restricted: false },
  'github.fetchMergeable': { default: true, restricted: false },
  'github.allowEnvironmentToken': { default: false, restricted: false },
  'github.connectTimeoutSeconds': { default: 10, restricted: false },
  'github.idleTimeoutSeconds': { default: 30, restricted: false },
  'github.maxResponseMegabytes': { default: 10, restricted: false },
  'snapshots.folder': { default: 'docs/audits/coordination', restricted: true },
  'snapshots.daily': { default: false, restricted: false },
  // Restricted: a repository mapping reviewers to logins could make anyone's approval count.
  'reviews.githubLogins': { default: {}, restricted: true },
  'reviews.slaHours': { default: 24, restricted: false },
  'mcp.allowOtherTasks': { default: false, restricted: false },
  'conflicts.forecast': { default: true, restricted: false },
  'plan.branchesView': { default: true, restricted: false },
  'plan.fetchIntervalMinutes': { default: 0, restricted: false },
  'plan.coordinatorBranch': { default: '', restricted: false },
  'plan.commitOnStatusChange': { default: false, restricted: false },
  'worktrees.branchTemplate': { default: '${type}/${agent}/${slug}', restricted: false },
  'worktrees.pathTemplate': {
    default: '${repoParent}/${repo}-${agent}-${slug}',
    restricted: false,
  },
  'worktrees.baseBranch': { default: '', restricted: false },
  'worktrees.copyGlobs': { default: ['.env*'], restricted: false },
  'worktrees.sharedDependencies': { default: [], restricted: false },
  'worktrees.setupCommand': { default: '', restricted: true },
  'worktrees.teardownCommand': { default: '', restricted: true },
  'worktrees.statusAfterRemoval': { default: 'not_started', restricted: false },
  'worktrees.abandonedDays': { default: 14, restricted: false },
  'worktrees.briefFileName': { default: 'TASK_BRIEF.md', restricted: false },
  'worktrees.openInNewWindow': { default: false, restricted: false },
  'worktrees.openTerminal': { default: true, restricted: false },
  'worktrees.ports.base': { default: 20000, restricted: false },
  'worktrees.ports.blockSize': { default: 10, restricted: false },
  // Restricted: these names reach the agent's terminal and the setup command's environment.
  'worktrees.taskEnv': { default: {}, restricted: true },
  agents: {
    default: { Codex: 'codex', 'Claude Code': 'claude', Copilot: '', Human: '' },
    restricted: true,
  },
  'guardrails.definitions': { default: [], restricted: true },
  'guardrails.timeoutMinutes': { default: 15, restricted: false },
  'guardrails.parallelism': { default: 1, restricted: false },
  'guardrails.env': { default: {}, restricted: true },
  'guardrails.cwd': { default: '', restricted: true },
  'guardrails.logFolder': { default: '.dev/guardrails', restricted: true },
  'guardrails.channelLimitMB': { default: 1, restricted: false },
  'guardrails.maxAgeHours': { default: 24, restricted: false },
  'guardrails.requirePassBeforeComplete': { default: true, restricted: false },
} as const satisfies Record<string, { default: unknown; restricted: boolean }>;

export type SettingKey = keyof typeof SETTINGS;

/** A setting's value as a host holds it: `get('worktrees.setupCommand')`; undefined when unset. */
export type SettingsSource = (key: SettingKey) => unknown;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isRestrictedSetting(key: string): boolean {
  return (SETTINGS as Record<string, { restricted: boolean }>)[key]?.restricted === true;
}

/** A fresh copy of the default, so callers may keep and change it. */
export function settingDefault<K extends SettingKey>(key: K): (typeof SETTINGS)[K]['default'] {
  return structuredClone(SETTINGS[key].default);
}
