import type { GuardrailDefinition } from '../../../kernel/model/types';
import type { AttentionItem } from '../../attention/model/attentionItem';

/** Guardrails whose last recorded run failed or could not run. */
export function guardrailAttentionItems(
  guardrails: readonly Pick<
    GuardrailDefinition,
    'key' | 'status' | 'lastRun' | 'cause' | 'required'
  >[],
): AttentionItem[] {
  return guardrails
    .filter((guardrail) => guardrail.status === 'fail' || guardrail.status === 'error')
    .map((guardrail) => ({
      id: `guardrail:${guardrail.key}:${guardrail.status}:${guardrail.lastRun ?? ''}`,
      kind: 'guardrailFailed' as const,
      title: `${guardrail.required ? 'Required guardrail' : 'Guardrail'} ${guardrail.key} ${guardrail.status === 'fail' ? 'failed' : 'could not run'}`,
      detail: guardrail.cause,
      since: guardrail.lastRun,
      target: { kind: 'guardrail' as const, guardrailKey: guardrail.key },
    }));
}
