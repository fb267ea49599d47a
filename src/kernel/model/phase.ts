const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** Orders execution phases written as words (`FIRST`), numbers (`2`, `Phase 3`); unknown ones last. */
export function phaseRank(phase: string | undefined): number {
  if (phase === undefined) {
    return Number.MAX_SAFE_INTEGER;
  }
  const text = phase.trim().toLowerCase();
  const ordinal = ORDINALS.findIndex(
    (word) => text === word || text.startsWith(`${word} `) || text.endsWith(` ${word}`),
  );
  if (ordinal !== -1) {
    return ordinal + 1;
  }
  const number = /(\d+)/.exec(text);
  return number ? Number(number[1]) : Number.MAX_SAFE_INTEGER - 1;
}
