import type { AttentionSource } from '../attention/attentionSource';
import { waitOverAttentionItems } from './model/waitOverAttention';

/** Tasks whose soft dependencies have all finished, read from the plan. */
export const waitOverAttentionSource: AttentionSource = {
  name: 'waits',
  items: ({ model }) => Promise.resolve(waitOverAttentionItems(model)),
};
