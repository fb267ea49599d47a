/** Where an attention item takes the person who picks it. */
export type AttentionTarget =
  | { kind: 'terminal'; taskKey: string }
  | { kind: 'diff'; taskKey: string }
  | { kind: 'task'; taskKey: string }
  | { kind: 'guardrail'; guardrailKey: string };

/** What waits for a person, most pressing first (the order the queue sorts by). */
export const ATTENTION_KINDS = [
  'agentNeedsInput',
  'agentFailed',
  'guardrailFailed',
  'conflict',
  'reviewOverdue',
  'agentFinished',
  'reviewRequested',
  'waitOver',
  'agentStale',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** One thing that waits for a person, contributed by the feature that knows about it. */
export interface AttentionItem {
  /** Stable for one event (kind, subject and the event's time), so it is announced once. */
  id: string;
  kind: AttentionKind;
  /** One line: `task_a: agent needs input`. */
  title: string;
  /** The agent's message, the failing cause, the files in conflict. */
  detail?: string;
  taskKey?: string;
  /** ISO time of the event, when known. */
  since?: string;
  target: AttentionTarget;
}

/** The queue in order: by kind (most pressing first), then oldest first, then by id. */
export function rankAttention(items: readonly AttentionItem[]): AttentionItem[] {
  const rank = (item: AttentionItem) => ATTENTION_KINDS.indexOf(item.kind);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.since ?? '\uffff').localeCompare(b.since ?? '\uffff') ||
      a.id.localeCompare(b.id),
  );
}

/** Kinds a person is told about as they happen (a notification), not only listed. */
export const ANNOUNCED_KINDS: ReadonlySet<AttentionKind> = new Set([
  'agentNeedsInput',
  'agentFinished',
  'agentFailed',
]);

/** Items not announced before, for a notification each; `seen` is updated. */
export function newAnnouncements(
  items: readonly AttentionItem[],
  seen: Set<string>,
): AttentionItem[] {
  const fresh = items.filter((item) => ANNOUNCED_KINDS.has(item.kind) && !seen.has(item.id));
  for (const item of fresh) {
    seen.add(item.id);
  }
  return fresh;
}
