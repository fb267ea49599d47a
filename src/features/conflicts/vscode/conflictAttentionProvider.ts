import type { AttentionProvider } from '../../attention/vscode/attentionQueue';
import { conflictAttentionItems } from '../model/conflictAttention';
import type { ConflictRadar } from './conflictRadar';

/** Live branches the radar's latest forecast says would conflict. */
export function conflictAttentionProvider(radar: ConflictRadar): AttentionProvider {
  return {
    onDidChange: radar.onDidChange,
    items: (session) => {
      const forecast = radar.forecastFor(session);
      return forecast ? conflictAttentionItems(forecast) : [];
    },
  };
}
