/** Splits an owner text naming several agents or people: `Codex + Copilot` → `['Codex', 'Copilot']`. */
export function splitOwners(owner: string): string[] {
  return owner
    .split(/\s*(?:\+|,|&|\/|;|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
