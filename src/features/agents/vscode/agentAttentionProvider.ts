import type { FolderSession } from '../../common/vscode/services';
import type { AttentionProvider } from '../../attention/vscode/attentionQueue';
import { agentAttentionItems } from '../model/agentAttention';
import type { AgentStates } from './agentStates';

/** Agents waiting for input, failed, finished with work to review, or silent. */
export function agentAttentionProvider(states: AgentStates): AttentionProvider {
  return {
    onDidChange: states.onDidChange,
    items: (session: FolderSession) =>
      agentAttentionItems(
        session.state?.model?.tasks ?? [],
        states.records(session),
        new Date(),
        states.staleAfterMs(session),
      ),
  };
}
