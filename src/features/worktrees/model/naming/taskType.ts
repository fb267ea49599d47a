/** Branch type prefixes the seeds use; `feat` when nothing in the task says otherwise. */
export const BRANCH_TYPES = ['feat', 'fix', 'ops', 'docs', 'ci', 'chore'] as const;
export type BranchType = (typeof BRANCH_TYPES)[number];

const WORD_TYPES: ReadonlyArray<readonly [RegExp, BranchType]> = [
  [/\b(docs?|documentation|readme|guide|snippets?)\b/, 'docs'],
  [/\b(ci|pipeline|workflow|workflows|github actions)\b/, 'ci'],
  [/\b(ops|deploy|deployment|infra|infrastructure|release|promotion|monitoring)\b/, 'ops'],
  [/\b(fix|fixes|bug|bugfix|hotfix|regression|e402)\b/, 'fix'],
  [/\b(chore|cleanup|hygiene|refactor|lint|ruff|bump)\b/, 'chore'],
];

/** Infers the branch type from the task's words (name, key, id, group). */
export function inferBranchType(words: readonly string[]): BranchType {
  const text = words
    .join(' ')
    .toLowerCase()
    .replace(/[_\-./]+/g, ' ');
  for (const [pattern, type] of WORD_TYPES) {
    if (pattern.test(text)) {
      return type;
    }
  }
  return 'feat';
}
