import type { GuardrailDefinition } from '../../../kernel/model/types';
import type { GuardrailResult } from './types';

/**
 * The completion gate: the required guardrails that have not passed in a task's worktree since
 * its last commit. Empty means the task may be marked completed without asking.
 */
export function requiredNotPassedSince(
  definitions: readonly GuardrailDefinition[],
  latestInWorktree: ReadonlyMap<string, GuardrailResult>,
  lastCommitAt: number,
): GuardrailDefinition[] {
  return definitions.filter((definition) => {
    if (!definition.required) {
      return false;
    }
    const result = latestInWorktree.get(definition.key);
    return !result || result.verdict !== 'pass' || Date.parse(result.finishedAt) < lastCommitAt;
  });
}
