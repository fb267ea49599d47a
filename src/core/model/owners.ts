const SEPARATOR = /[+,&/;]|\band\b/i;

/** Splits an owner text naming several agents or people: `Codex + Copilot` → `['Codex', 'Copilot']`. */
export function splitOwners(owner: string): string[] {
  if (!SEPARATOR.test(owner)) {
    const single = owner.trim();
    return single.length > 0 ? [single] : [];
  }
  return owner
    .split(/\s*(?:\+|,|&|\/|;|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
