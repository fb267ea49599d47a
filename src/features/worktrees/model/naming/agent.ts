import { splitOwners } from '../../../../kernel/model/owners';
import { slugify } from './slug';

/** Common agent names whose first word is not what people call them in branch names. */
const KNOWN_AGENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^claude(\s+code)?$/i, 'claude'],
  [/^(github\s+)?copilot(\s+agent)?$/i, 'copilot'],
  [/^(openai\s+)?codex(\s+cli)?$/i, 'codex'],
  [/^gemini(\s+cli)?$/i, 'gemini'],
  [/^cursor(\s+agent)?$/i, 'cursor'],
];

/** The `${agent}` of the templates: the first owner as a short slug (`Codex + Copilot` → `codex`, `Claude Code` → `claude`). */
export function agentSlug(owners: readonly string[], ownerText = ''): string {
  const first = owners[0] ?? splitOwners(ownerText)[0] ?? '';
  for (const [pattern, slug] of KNOWN_AGENTS) {
    if (pattern.test(first.trim())) {
      return slug;
    }
  }
  return slugify(first, 20, 'agent');
}
