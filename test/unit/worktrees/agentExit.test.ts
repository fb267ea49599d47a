import assert from 'node:assert/strict';
import { agentExitMessage } from '../../../src/features/worktrees/model';

describe('agent exit messages', () => {
  it('says finished, failed or ended, naming the task', () => {
    assert.deepEqual(agentExitMessage('codex', 'Shadow-Diff Harness', 0), {
      text: '`codex` for "Shadow-Diff Harness" finished (exit code 0).',
      commandProblem: false,
      failed: false,
    });
    assert.deepEqual(agentExitMessage('codex', 'Shadow-Diff Harness', 2), {
      text: '`codex` for "Shadow-Diff Harness" failed (exit code 2).',
      commandProblem: false,
      failed: true,
    });
    assert.deepEqual(agentExitMessage(undefined, 'X', undefined), {
      text: 'The agent terminal for "X" ended.',
      commandProblem: false,
      failed: false,
    });
  });

  it('tells a missing or non-executable agent command apart, pointing at the setting', () => {
    const missing = agentExitMessage('claude', 'Pre-Audit Guardrails Checklist', 127);
    assert.equal(missing.commandProblem, true);
    assert.match(
      missing.text,
      /could not start: the command was not found \(exit code 127\)\. Install the agent, or change its command line in the coordinator\.agents setting\./,
    );
    const denied = agentExitMessage('./agent.sh', 'X', 126);
    assert.equal(denied.commandProblem, true);
    assert.match(denied.text, /not executable \(exit code 126\)/);
    assert.equal(
      agentExitMessage('claude', 'X', 9009).commandProblem,
      true,
      "cmd.exe's not recognized",
    );
    // Without shell integration the terminal's code may be whatever ran last: no guess.
    assert.deepEqual(agentExitMessage(undefined, 'X', 127), {
      text: 'The agent terminal for "X" failed (exit code 127).',
      commandProblem: false,
      failed: true,
    });
  });
});
