import type { PullRequestSettings } from './prRequest';
import { DEFAULT_RESPONSE_LIMITS, type ResponseLimits } from './responseLimits';

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

export const GITHUB_DEFAULTS: GitHubConfiguration = {
  refreshIntervalMinutes: 5,
  draft: false,
  criticalReviewLabels: ['critical-review'],
  criticalReviewReviewers: [],
  fetchReviews: true,
  fetchMergeable: true,
  snapshotsFolder: 'docs/audits/coordination',
  snapshotsDaily: false,
  limits: DEFAULT_RESPONSE_LIMITS,
};

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const names = (value: unknown, fallback: string[]) =>
  Array.isArray(value)
    ? value
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
        .map((v) => v.trim())
    : fallback;
const positive = (value: unknown, scale: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value * scale : fallback;
const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/**
 * Settings with defaults for anything missing or of the wrong type. `get` takes the key below
 * `coordinator.` (e.g. `github.owner`), as `WorkspaceConfiguration.get` does.
 */
export function readGitHubConfiguration(get: (key: string) => unknown): GitHubConfiguration {
  const interval = Number(get('github.refreshIntervalMinutes'));
  const config: GitHubConfiguration = {
    refreshIntervalMinutes:
      Number.isFinite(interval) && interval >= 0
        ? interval
        : GITHUB_DEFAULTS.refreshIntervalMinutes,
    draft: flag(get('github.draft'), GITHUB_DEFAULTS.draft),
    criticalReviewLabels: names(
      get('github.criticalReviewLabels'),
      GITHUB_DEFAULTS.criticalReviewLabels,
    ),
    criticalReviewReviewers: names(
      get('github.criticalReviewReviewers'),
      GITHUB_DEFAULTS.criticalReviewReviewers,
    ),
    fetchReviews: flag(get('github.fetchReviews'), GITHUB_DEFAULTS.fetchReviews),
    fetchMergeable: flag(get('github.fetchMergeable'), GITHUB_DEFAULTS.fetchMergeable),
    snapshotsFolder: text(get('snapshots.folder')) ?? GITHUB_DEFAULTS.snapshotsFolder,
    snapshotsDaily: flag(get('snapshots.daily'), GITHUB_DEFAULTS.snapshotsDaily),
    limits: readResponseLimits(get),
  };
  const optional = {
    apiBaseUrl: text(get('github.apiBaseUrl')),
    owner: text(get('github.owner')),
    repo: text(get('github.repo')),
    bodyTemplate: text(get('github.prBodyTemplate')),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      (config as unknown as Record<string, string>)[key] = value;
    }
  }
  return config;
}

/** `coordinator.github.connectTimeoutSeconds`, `.idleTimeoutSeconds`, `.maxResponseMegabytes`. */
export function readResponseLimits(get: (key: string) => unknown): ResponseLimits {
  const fallback = DEFAULT_RESPONSE_LIMITS;
  return {
    connectTimeoutMs: positive(
      get('github.connectTimeoutSeconds'),
      1000,
      fallback.connectTimeoutMs,
    ),
    idleTimeoutMs: positive(get('github.idleTimeoutSeconds'), 1000, fallback.idleTimeoutMs),
    maxResponseBytes: Math.round(
      positive(get('github.maxResponseMegabytes'), 1024 * 1024, fallback.maxResponseBytes),
    ),
  };
}
