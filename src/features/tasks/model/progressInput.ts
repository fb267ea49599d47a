/** `3` or `3/5`: completed steps, optionally with a new total. */
export function parseProgressInput(
  text: string,
  currentTotal: number | undefined,
): { completed: number; total?: number } | string {
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!match) {
    return 'Type completed steps, like 3, or completed/total, like 3/5.';
  }
  const completed = Number(match[1]);
  const total = match[2] === undefined ? currentTotal : Number(match[2]);
  if (total !== undefined && (total < 1 || completed > total)) {
    return total < 1 ? 'The total must be at least 1.' : `At most ${total} steps can be completed.`;
  }
  return match[2] === undefined ? { completed } : { completed, total };
}
