import type { AttentionSource } from '../attention/attentionSource';
import { folderStaleAfterMs, readAgentStatesIfAny } from './agentStatuses';
import { agentAttentionItems } from './model/agentAttention';

/** Agents waiting for input, failed, finished with work to review, or silent. */
export const agentAttentionSource: AttentionSource = {
  name: 'agents',
  async items({ folder, model, now }) {
    const [records, staleAfter] = await Promise.all([
      readAgentStatesIfAny(folder),
      folderStaleAfterMs(folder),
    ]);
    return agentAttentionItems(model.tasks, records, now, staleAfter);
  },
};
