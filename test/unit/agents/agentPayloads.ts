// The payloads the agents send, field for field as their documentation shows them.

const COMMON = {
  session_id: 'abc123',
  transcript_path:
    '/Users/someone/.claude/projects/demo/00893aaf-19fa-41d2-8238-13269b9b3ca0.jsonl',
  cwd: '/Users/someone/demo',
  permission_mode: 'default',
};

/** Claude Code hook input (code.claude.com/docs/en/hooks, "Hook input"), one per subscribed event. */
export const CLAUDE_EVENTS = {
  SessionStart: {
    session_id: COMMON.session_id,
    transcript_path: COMMON.transcript_path,
    cwd: COMMON.cwd,
    hook_event_name: 'SessionStart',
    source: 'startup',
  },
  UserPromptSubmit: {
    ...COMMON,
    hook_event_name: 'UserPromptSubmit',
    prompt: 'Write a function to calculate the factorial of a number',
  },
  PostToolUse: {
    ...COMMON,
    hook_event_name: 'PostToolUse',
    tool_name: 'Write',
    tool_input: { file_path: '/path/to/file.txt', content: 'file content' },
    tool_response: { filePath: '/path/to/file.txt', success: true },
  },
  Notification: {
    session_id: COMMON.session_id,
    transcript_path: COMMON.transcript_path,
    cwd: COMMON.cwd,
    hook_event_name: 'Notification',
    message: 'Claude needs your permission to use Bash',
    title: 'Permission needed',
    notification_type: 'permission_prompt',
  },
  Stop: {
    ...COMMON,
    hook_event_name: 'Stop',
    stop_hook_active: false,
  },
  SessionEnd: {
    session_id: COMMON.session_id,
    transcript_path: COMMON.transcript_path,
    cwd: COMMON.cwd,
    hook_event_name: 'SessionEnd',
    reason: 'prompt_input_exit',
  },
} as const;

/** Codex `notify` (docs/config.md, "notify"): passed as the program's last argument. */
export const CODEX_TURN_COMPLETE = {
  type: 'agent-turn-complete',
  'thread-id': 'b5f6c1c2-1111-2222-3333-444455556666',
  'turn-id': '12345',
  cwd: '/Users/someone/demo',
  'input-messages': ['Rename `foo` to `bar` and update the callsites.'],
  'last-assistant-message': 'Rename complete and verified `cargo build` succeeds.',
};

const COPILOT_COMMON = {
  session_id: '7d2c5f1e-4a3b-4c8d-9e0f-1a2b3c4d5e6f',
  timestamp: '2026-11-30T02:00:00.000Z',
  cwd: '/Users/someone/demo',
};

/**
 * Copilot CLI hook input (docs.github.com, "GitHub Copilot CLI hooks reference", "Hook event
 * input payloads"), in the format its PascalCase event names select; `notification` as documented.
 */
export const COPILOT_EVENTS = {
  SessionStart: {
    hook_event_name: 'SessionStart',
    ...COPILOT_COMMON,
    source: 'new',
    initial_prompt: 'Read TASK_BRIEF.md',
  },
  UserPromptSubmit: {
    hook_event_name: 'UserPromptSubmit',
    ...COPILOT_COMMON,
    prompt: 'Fix the failing test',
  },
  PostToolUse: {
    hook_event_name: 'PostToolUse',
    ...COPILOT_COMMON,
    tool_name: 'bash',
    tool_input: { command: 'npm test' },
    tool_result: { result_type: 'success', text_result_for_llm: '12 passing' },
  },
  notification: {
    sessionId: COPILOT_COMMON.session_id,
    timestamp: 1764468000000,
    cwd: COPILOT_COMMON.cwd,
    hook_event_name: 'Notification',
    message: 'Copilot needs permission to run bash: rm -rf build',
    title: 'Permission needed',
    notification_type: 'permission_prompt',
  },
  Stop: {
    hook_event_name: 'Stop',
    ...COPILOT_COMMON,
    transcript_path: '/Users/someone/.copilot/session-state/7d2c5f1e/events.jsonl',
    stop_reason: 'end_turn',
  },
  SessionEnd: {
    hook_event_name: 'SessionEnd',
    ...COPILOT_COMMON,
    reason: 'user_exit',
  },
} as const;
