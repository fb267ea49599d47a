import type { AttentionSource } from '../attention/attentionSource';
import { guardrailAttentionItems } from './model/guardrailAttention';

/** Guardrails whose last run, as the plan records it, failed. */
export const guardrailAttentionSource: AttentionSource = {
  name: 'guardrails',
  items: async ({ model }) => guardrailAttentionItems(model.guardrails),
};
