/** The two whole files a conflict section stands for: the lines around it with either side. */
export function conflictSides(text: string): { ours: string; theirs: string } {
  const match = /^([\s\S]*?)^<{7}[^\n]*\n([\s\S]*?)^={7}\n([\s\S]*?)^>{7}[^\n]*\n([\s\S]*)$/m.exec(
    text,
  );
  if (!match) {
    throw new Error(`no conflict section in:\n${text}`);
  }
  const [, before, ours, theirs, after] = match;
  return { ours: before + ours + after, theirs: before + theirs + after };
}
