import assert from 'node:assert/strict';
import { readHookPayload } from '../../../src/features/agents/model/hookPayloads';
import { CLAUDE_HOOK_EVENTS } from '../../../src/features/agents/model/setup/claudeSetup';
import { COPILOT_HOOK_EVENTS } from '../../../src/features/agents/model/setup/copilotSetup';
import { CLAUDE_EVENTS, CODEX_TURN_COMPLETE, COPILOT_EVENTS } from './agentPayloads';

describe("agents' own events read as states", () => {
  it('maps each Claude Code hook input the generated settings subscribe to', () => {
    const read = (payload: object) => readHookPayload('claude', JSON.stringify(payload));
    assert.deepEqual(read(CLAUDE_EVENTS.SessionStart), { state: 'idle' });
    assert.deepEqual(read({ ...CLAUDE_EVENTS.SessionStart, source: 'compact' }), {
      state: 'working',
    });
    assert.deepEqual(read(CLAUDE_EVENTS.UserPromptSubmit), { state: 'working' });
    assert.deepEqual(read(CLAUDE_EVENTS.PostToolUse), { state: 'working' });
    assert.deepEqual(read(CLAUDE_EVENTS.Notification), {
      state: 'needs_input',
      message: 'Claude needs your permission to use Bash',
    });
    assert.deepEqual(read(CLAUDE_EVENTS.Stop), { state: 'idle' });
    assert.deepEqual(read(CLAUDE_EVENTS.SessionEnd), { state: 'finished' });
    assert.deepEqual(Object.keys(CLAUDE_EVENTS).sort(), [...CLAUDE_HOOK_EVENTS].sort());
  });

  it('maps each Copilot CLI hook input the generated hooks file subscribes to', () => {
    const read = (payload: object) => readHookPayload('copilot', JSON.stringify(payload));
    assert.deepEqual(read(COPILOT_EVENTS.SessionStart), { state: 'idle' });
    assert.deepEqual(read(COPILOT_EVENTS.UserPromptSubmit), { state: 'working' });
    assert.deepEqual(read(COPILOT_EVENTS.PostToolUse), { state: 'working' });
    assert.deepEqual(read(COPILOT_EVENTS.notification), {
      state: 'needs_input',
      message: 'Copilot needs permission to run bash: rm -rf build',
    });
    assert.deepEqual(
      read({ ...COPILOT_EVENTS.notification, notification_type: 'elicitation_dialog' }),
      { state: 'needs_input', message: 'Copilot needs permission to run bash: rm -rf build' },
    );
    assert.deepEqual(read(COPILOT_EVENTS.Stop), { state: 'idle' });
    assert.deepEqual(read(COPILOT_EVENTS.SessionEnd), { state: 'finished' });
    assert.deepEqual(Object.keys(COPILOT_EVENTS).sort(), [...COPILOT_HOOK_EVENTS].sort());
    // Its own background work finishing asks nothing of a person.
    for (const type of ['shell_completed', 'agent_completed', 'agent_idle']) {
      assert.ok('ignored' in read({ ...COPILOT_EVENTS.notification, notification_type: type }));
    }
    assert.deepEqual(read({ sessionId: 'x', timestamp: 1, cwd: '/' }), {
      problem: 'the Copilot CLI hook input has no hook_event_name',
    });
  });

  it('ignores what says nothing about the agent, and names what cannot be read', () => {
    const claude = (payload: object) => readHookPayload('claude', JSON.stringify(payload));
    assert.ok(
      'ignored' in claude({ ...CLAUDE_EVENTS.Notification, notification_type: 'auth_success' }),
    );
    assert.ok('ignored' in claude({ ...CLAUDE_EVENTS.SessionEnd, reason: 'clear' }));
    assert.ok('ignored' in claude({ ...CLAUDE_EVENTS.Stop, hook_event_name: 'PreCompact' }));
    assert.deepEqual(claude({ session_id: 'x' }), {
      problem: 'the Claude Code hook input has no hook_event_name',
    });
    assert.deepEqual(readHookPayload('claude', 'not json'), {
      problem: 'the claude event is not a JSON object',
    });
    assert.ok(
      'ignored' in readHookPayload('codex', JSON.stringify({ type: 'approval-requested' })),
    );
    assert.deepEqual(readHookPayload('codex', '[]'), {
      problem: 'the codex event is not a JSON object',
    });
  });

  it("reads Codex's agent-turn-complete as idle with the last assistant message on one line", () => {
    assert.deepEqual(readHookPayload('codex', JSON.stringify(CODEX_TURN_COMPLETE)), {
      state: 'idle',
      message: 'Rename complete and verified `cargo build` succeeds.',
    });
    const long = readHookPayload(
      'codex',
      JSON.stringify({
        ...CODEX_TURN_COMPLETE,
        'last-assistant-message': `a\n\n${'b'.repeat(400)}`,
      }),
    );
    assert.ok('state' in long && long.message?.length === 300 && long.message.startsWith('a b'));
  });
});
