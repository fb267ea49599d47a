/**
 * A machine key as words people read: `quick_wins` → "Quick wins", `waiting_for_taskB` →
 * "Waiting for taskB", `top5` → "Top 5". Words with capitals inside (`taskB`, `MATRIZ`) are names
 * and keep their spelling; text that already has spaces is left as written.
 */
export function humanizeKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed === '' || /\s/.test(trimmed) || !/^[\w.-]+$/.test(trimmed)) {
    return trimmed;
  }
  const words = trimmed
    .split(/[_-]+/)
    .filter((word) => word !== '')
    .flatMap((word) => (/^[a-z]{2,}\d+$/.test(word) ? word.split(/(?<=[a-z])(?=\d)/) : [word]));
  if (words.length === 0) {
    return trimmed;
  }
  const [first, ...rest] = words;
  const lead =
    /^[a-z]/.test(first) && !/[A-Z]/.test(first) ? first[0].toUpperCase() + first.slice(1) : first;
  return [lead, ...rest].join(' ');
}
