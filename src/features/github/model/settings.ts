import type { PullRequestSettings } from './prRequest';
import type { ResponseLimits } from './responseLimits';
import { settingsReader } from '../../../kernel/config/readSettings';
import type { SettingsSource } from '../../../kernel/config/settingsTable';

/** `coordinator.github.*` and `coordinator.snapshots.*`, read through a getter so this stays pure. */
export interface GitHubConfiguration extends PullRequestSettings {
  apiBaseUrl?: string;
  owner?: string;
  repo?: string;
  /** 0 turns interval refresh off. */
  refreshIntervalMinutes: number;
  fetchReviews: boolean;
  fetchMergeable: boolean;
  snapshotsFolder: string;
  snapshotsDaily: boolean;
  limits: ResponseLimits;
}

/**
 * Settings with defaults for anything missing or of the wrong type. `get` takes the key below
 * `coordinator.` (e.g. `github.owner`), as `WorkspaceConfiguration.get` does.
 */
export function readGitHubConfiguration(get: SettingsSource): GitHubConfiguration {
  const settings = settingsReader(get);
  const config: GitHubConfiguration = {
    refreshIntervalMinutes: settings.number('github.refreshIntervalMinutes', (v) => v >= 0),
    draft: settings.flag('github.draft'),
    criticalReviewLabels: settings.strings('github.criticalReviewLabels', { trim: true }),
    criticalReviewReviewers: settings.strings('github.criticalReviewReviewers', { trim: true }),
    fetchReviews: settings.flag('github.fetchReviews'),
    fetchMergeable: settings.flag('github.fetchMergeable'),
    snapshotsFolder: settings.text('snapshots.folder', { trim: true }),
    snapshotsDaily: settings.flag('snapshots.daily'),
    limits: readResponseLimits(get),
  };
  const optional = {
    apiBaseUrl: settings.text('github.apiBaseUrl', { trim: true }),
    owner: settings.text('github.owner', { trim: true }),
    repo: settings.text('github.repo', { trim: true }),
    bodyTemplate: settings.text('github.prBodyTemplate', { trim: true }),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== '') {
      (config as unknown as Record<string, string>)[key] = value;
    }
  }
  return config;
}

export const GITHUB_DEFAULTS: GitHubConfiguration = readGitHubConfiguration(() => undefined);

/** `coordinator.github.connectTimeoutSeconds`, `.idleTimeoutSeconds`, `.maxResponseMegabytes`. */
export function readResponseLimits(get: SettingsSource): ResponseLimits {
  const settings = settingsReader(get);
  const positive = (value: number) => value > 0;
  return {
    connectTimeoutMs: settings.number('github.connectTimeoutSeconds', positive) * 1000,
    idleTimeoutMs: settings.number('github.idleTimeoutSeconds', positive) * 1000,
    maxResponseBytes: Math.round(
      settings.number('github.maxResponseMegabytes', positive) * 1024 * 1024,
    ),
  };
}
