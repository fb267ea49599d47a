import type { AttentionProvider } from '../../attention/vscode/attentionQueue';
import type { WorkspaceSessions } from '../../common/vscode/services';
import { guardrailAttentionItems } from '../model/guardrailAttention';

/** Guardrails whose last run, as the plan records it, failed. */
export function guardrailAttentionProvider(sessions: WorkspaceSessions): AttentionProvider {
  return {
    onDidChange: sessions.onDidChange,
    items: (session) => guardrailAttentionItems(session.state?.model?.guardrails ?? []),
  };
}
