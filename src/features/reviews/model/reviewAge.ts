/** How long a review may wait before it is flagged: the seeds' criterion, the setting's default. */
export const REVIEW_SLA_HOURS = 24;

/** `coordinator.reviews.slaHours` as set, or the default when it is not a number of hours. */
export function readSlaHours(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : REVIEW_SLA_HOURS;
}

/** `3 h`, `2 d 5 h`, `40 min`: an age as people read it. */
export function ageText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
