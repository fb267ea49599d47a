import type { MergeNote } from './types';

const MARKER_SIZE = 7;

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function ensureNewline(lines: string[]): string {
  const text = lines.join('');
  return text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * One conflict section around the lines where the two versions differ, labelled with what
 * conflicted. Each version is a whole file that parses, so either side of the section, taken with
 * the lines around it, does too.
 */
export function conflictText(
  ours: string,
  theirs: string,
  conflicts: readonly MergeNote[],
  labels: { ours: string; theirs: string },
): string {
  const a = splitLines(ours);
  const b = splitLines(theirs);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const what = conflicts
    .slice(0, 3)
    .map((c) => `${c.path}: ${c.message}`)
    .join('; ');
  const more = conflicts.length > 3 ? ` (and ${conflicts.length - 3} more)` : '';
  return [
    ensureNewline(a.slice(0, prefix)),
    `${'<'.repeat(MARKER_SIZE)} ${labels.ours} ${what}${more}`.replace(/\n/g, ' ') + '\n',
    ensureNewline(a.slice(prefix, a.length - suffix)),
    `${'='.repeat(MARKER_SIZE)}\n`,
    ensureNewline(b.slice(prefix, b.length - suffix)),
    `${'>'.repeat(MARKER_SIZE)} ${labels.theirs}\n`,
    a.slice(a.length - suffix).join(''),
  ].join('');
}
