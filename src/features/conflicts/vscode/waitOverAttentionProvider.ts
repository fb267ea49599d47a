import type { AttentionProvider } from '../../attention/vscode/attentionQueue';
import type { WorkspaceSessions } from '../../common/vscode/services';
import { waitOverAttentionItems } from '../model/waitOverAttention';

/** Tasks that waited at start and whose waited-for tasks have all finished, as the plan says. */
export function waitOverAttentionProvider(sessions: WorkspaceSessions): AttentionProvider {
  return {
    onDidChange: sessions.onDidChange,
    items: (session) => {
      const model = session.state?.model;
      return model ? waitOverAttentionItems(model) : [];
    },
  };
}
