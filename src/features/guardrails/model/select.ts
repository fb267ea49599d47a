import { CoordinatorError } from '../../../kernel/errors/coordinatorError';
import type { GuardrailDefinition } from '../../../kernel/model/types';

/**
 * The guardrails a run asked for, in definition order: all of them without `keys`. Refused
 * (the same words in every host) when none are defined or a key names none of them.
 */
export function selectGuardrails(
  all: readonly GuardrailDefinition[],
  keys: readonly string[] | undefined,
): GuardrailDefinition[] {
  if (all.length === 0) {
    throw new CoordinatorError(
      'noGuardrails',
      'no guardrails are defined: add them under "pre_audit_guardrails" in the task file or in the coordinator.guardrails.definitions setting',
    );
  }
  if (!keys || keys.length === 0) {
    return [...all];
  }
  const unknown = keys.filter((key) => !all.some((definition) => definition.key === key));
  if (unknown.length > 0) {
    throw new CoordinatorError(
      'unknownGuardrail',
      `no guardrail ${unknown.map((key) => `"${key}"`).join(', ')}; known: ${all.map((d) => d.key).join(', ')}`,
    );
  }
  return all.filter((definition) => keys.includes(definition.key));
}
