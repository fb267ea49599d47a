import type { TaskModel } from '../../kernel/model/types';
import { rankAttention, type AttentionItem } from './model/attentionItem';

/** What a source is given to find what waits for a person in one folder's plan. */
export interface AttentionContext {
  folder: string;
  model: TaskModel;
  now: Date;
  signal?: AbortSignal;
}

/**
 * A feature's contribution to the attention queue outside the editor (`coord attention`). In the
 * editor each feature contributes the same items from its live state instead.
 */
export interface AttentionSource {
  /** Named in the line that says the source could not be read. */
  readonly name: string;
  items(context: AttentionContext): Promise<AttentionItem[]>;
}

export interface GatheredAttention {
  items: AttentionItem[];
  /** One line per source that failed; the others still count. */
  problems: string[];
}

/** Asks every source at once; a failing source is reported, not fatal. */
export async function gatherAttention(
  sources: readonly AttentionSource[],
  context: AttentionContext,
): Promise<GatheredAttention> {
  const answers = await Promise.allSettled(sources.map((source) => source.items(context)));
  const items: AttentionItem[] = [];
  const problems: string[] = [];
  answers.forEach((answer, index) => {
    if (answer.status === 'fulfilled') {
      items.push(...answer.value);
    } else {
      const reason = answer.reason instanceof Error ? answer.reason.message : String(answer.reason);
      problems.push(`${sources[index]!.name}: ${reason.split('\n')[0]}`);
    }
  });
  return { items: rankAttention(items), problems };
}
