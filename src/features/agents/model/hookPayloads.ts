import type { ReportedAgentState } from './agentState';

/** Tools whose own event payloads `coord agent-state --from` reads. */
export const HOOK_SOURCES = ['claude', 'codex', 'copilot'] as const;
export type HookSource = (typeof HOOK_SOURCES)[number];

/** What one event says about the agent: a state, nothing worth recording, or why it cannot be read. */
export type HookReading =
  { state: ReportedAgentState; message?: string } | { ignored: string } | { problem: string };

/** Longest message kept from an agent's own words (Codex's last assistant message can be long). */
const MESSAGE_LIMIT = 300;

export function readHookPayload(source: HookSource, text: string): HookReading {
  const payload = parseObject(text);
  if (!payload) {
    return { problem: `the ${source} event is not a JSON object` };
  }
  switch (source) {
    case 'claude':
      return readClaudeHook(payload);
    case 'codex':
      return readCodexNotify(payload);
    case 'copilot':
      return readCopilotHook(payload);
  }
}

/**
 * Claude Code's hook input (JSON on stdin, `hook_event_name` plus the event's fields):
 * a prompt or a finished tool call means working; a notification (permission prompt, idle prompt,
 * a question) means it waits for a person; Stop ends a turn; SessionEnd ends the session.
 */
function readClaudeHook(payload: Record<string, unknown>): HookReading {
  const event = payload.hook_event_name;
  if (typeof event !== 'string' || event.length === 0) {
    return { problem: 'the Claude Code hook input has no hook_event_name' };
  }
  switch (event) {
    case 'UserPromptSubmit':
    case 'PostToolUse':
      return { state: 'working' };
    case 'SessionStart':
      // After a compaction the turn goes on; a new, resumed or cleared session waits for a prompt.
      return { state: payload.source === 'compact' ? 'working' : 'idle' };
    case 'Notification':
      if (payload.notification_type === 'auth_success') {
        return { ignored: 'an authentication notice' };
      }
      return { state: 'needs_input', message: text(payload.message) };
    case 'Stop':
      return { state: 'idle' };
    case 'SessionEnd':
      // `/clear` ends one session and starts the next at once.
      return payload.reason === 'clear'
        ? { ignored: 'a cleared session, followed by a new one' }
        : { state: 'finished' };
    default:
      return { ignored: `the ${event} event` };
  }
}

/** Copilot CLI's notifications about its own background work, not a question to a person. */
const COPILOT_BACKGROUND_NOTICES = new Set([
  'shell_completed',
  'shell_detached_completed',
  'agent_completed',
  'agent_idle',
]);

/**
 * Copilot CLI's hook input (docs.github.com, "GitHub Copilot CLI hooks reference"), configured
 * with the PascalCase event names so each payload carries `hook_event_name`: a prompt or a finished
 * tool call means working; a permission prompt or a question (`notification`) means it waits for a
 * person; Stop ends a turn; SessionEnd ends the session.
 */
function readCopilotHook(payload: Record<string, unknown>): HookReading {
  const event = payload.hook_event_name;
  if (typeof event !== 'string' || event.length === 0) {
    return { problem: 'the Copilot CLI hook input has no hook_event_name' };
  }
  switch (event) {
    case 'UserPromptSubmit':
    case 'PostToolUse':
      return { state: 'working' };
    case 'SessionStart':
    case 'Stop':
      return { state: 'idle' };
    case 'Notification': {
      const type = payload.notification_type;
      if (typeof type === 'string' && COPILOT_BACKGROUND_NOTICES.has(type)) {
        return { ignored: `a ${type} notification` };
      }
      return { state: 'needs_input', message: text(payload.message) };
    }
    case 'SessionEnd':
      return { state: 'finished' };
    default:
      return { ignored: `the ${event} event` };
  }
}

/**
 * Codex's `notify` payload (one JSON argument): `agent-turn-complete` is the only type it sends
 * today, at the end of each turn; it never says when a turn starts or waits for approval.
 */
function readCodexNotify(payload: Record<string, unknown>): HookReading {
  const type = payload.type;
  if (typeof type !== 'string') {
    return { problem: 'the Codex notification has no type' };
  }
  if (type !== 'agent-turn-complete') {
    return { ignored: `the ${type} notification` };
  }
  return { state: 'idle', message: text(payload['last-assistant-message']) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT - 1)}…` : line || undefined;
}
