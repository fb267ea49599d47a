/**
 * Whether a pass still means something. The I/O side gathers the times (newest commit, newest file
 * change in the folder); this decides.
 */

export type StaleReason = 'changedSince' | 'tooOld';

export interface FreshnessInput {
  /** When the last pass finished (ISO text or epoch ms). */
  lastPassAt: string | number;
  /** Newest of the last commit time and the changed files' mtimes, epoch ms; undefined if unknown. */
  newestChangeAt?: number;
  now: number;
  /** Older passes are stale; 0 or undefined means no age limit. */
  maxAgeHours?: number;
}

export function staleReason(input: FreshnessInput): StaleReason | undefined {
  const passedAt =
    typeof input.lastPassAt === 'number' ? input.lastPassAt : Date.parse(input.lastPassAt);
  if (Number.isNaN(passedAt)) {
    return undefined;
  }
  if (input.newestChangeAt !== undefined && input.newestChangeAt > passedAt) {
    return 'changedSince';
  }
  if (
    input.maxAgeHours &&
    input.maxAgeHours > 0 &&
    input.now - passedAt > input.maxAgeHours * 3_600_000
  ) {
    return 'tooOld';
  }
  return undefined;
}

export function describeStale(reason: StaleReason): string {
  return reason === 'changedSince'
    ? 'files changed since the last pass'
    : 'last pass is older than the age limit';
}

export function formatAge(ms: number): string {
  if (ms < 60_000) {
    return 'just now';
  }
  if (ms < 3_600_000) {
    return `${Math.floor(ms / 60_000)} min ago`;
  }
  if (ms < 86_400_000) {
    return `${Math.floor(ms / 3_600_000)} h ago`;
  }
  return `${Math.floor(ms / 86_400_000)} d ago`;
}
