import type { GitHubStatus } from './types';

/**
 * True while GitHub's own "come back at" time from the latest failure (Retry-After or the rate
 * limit reset) is still ahead: scheduled refreshes wait for it instead of asking again.
 */
export function isWaitingForGitHub(status: GitHubStatus | undefined, now: Date): boolean {
  const retryAt = status?.error?.retryAt;
  if (retryAt === undefined) {
    return false;
  }
  const at = Date.parse(retryAt);
  return Number.isFinite(at) && at > now.getTime();
}
