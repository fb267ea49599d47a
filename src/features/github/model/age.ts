/** `just now`, `4 min ago`, `2 h ago`, `3 d ago`: how old some data is, for tooltips and messages. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 45_000) {
    return 'just now';
  }
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) {
    return `${Math.max(1, minutes)} min ago`;
  }
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  return `${Math.round(ms / 86_400_000)} d ago`;
}
