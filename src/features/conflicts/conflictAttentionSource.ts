import type { AttentionSource } from '../attention/attentionSource';
import { forecastConflicts } from './forecast';
import { conflictAttentionItems } from './model/conflictAttention';

/** Live branches that would conflict when merged (the radar's forecast, cached in the git dir). */
export const conflictAttentionSource: AttentionSource = {
  name: 'conflicts',
  items: async ({ folder, model, signal }) =>
    conflictAttentionItems(await forecastConflicts({ folder, model, signal })),
};
