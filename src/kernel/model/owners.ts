const SEPARATOR = /[+,&/;]|\band\b/i;
const SPLIT = /\s*(?:\+|,|&|\/|;|\band\b)\s*/i;

/** Splits an owner text naming several agents or people: `Codex + Copilot` → `['Codex', 'Copilot']`. */
export function splitOwners(owner: string): string[] {
  if (!SEPARATOR.test(owner)) {
    const single = owner.trim();
    return single.length > 0 ? [single] : [];
  }
  // One array, trimmed and compacted in place: every task of a large file goes through here.
  const parts = owner.split(SPLIT);
  let kept = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i].trim();
    if (part.length > 0) {
      parts[kept++] = part;
    }
  }
  parts.length = kept;
  return parts;
}
