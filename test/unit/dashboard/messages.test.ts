import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseWebviewMessage } from '../../../src/protocol/messages';

describe('dashboard messages from the page', () => {
  it('accepts each declared message', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'startTask', taskKey: 'task1_shadow_diff' },
      { type: 'openPullRequest', taskKey: 'task1_shadow_diff' },
      { type: 'revealTask', taskKey: 'task1_shadow_diff' },
      { type: 'openTask', taskKey: 'task1_shadow_diff' },
      { type: 'setStatus', taskKey: 'task1_shadow_diff' },
      { type: 'runGuardrailsInWorktree', taskKey: 'task1_shadow_diff' },
      { type: 'runGuardrail', guardrailKey: 'state_sweep' },
      { type: 'signInToGitHub' },
      { type: 'openAttentionItem', id: 'agent:task1:needs_input:2026-11-29T12:00:00.000Z' },
    ]) {
      assert.deepEqual(parseWebviewMessage(message), message);
    }
  });

  it('drops unknown types, missing or wrong fields, and non-objects', () => {
    for (const bad of [
      { type: 'executeCommand', command: 'workbench.action.terminal.new' },
      { type: 'startTask' },
      { type: 'startTask', taskKey: '' },
      { type: 'startTask', taskKey: 42 },
      { type: 'runGuardrail', taskKey: 'x' },
      { type: 'revealTask', taskKey: 'x'.repeat(501) },
      { type: 'openTask' },
      { type: 'setStatus', taskKey: '' },
      null,
      'ready',
      [],
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('never throws and never lets an unknown type through, whatever arrives', () => {
    const known = new Set([
      'ready',
      'startTask',
      'openPullRequest',
      'revealTask',
      'openTask',
      'setStatus',
      'runGuardrailsInWorktree',
      'runGuardrail',
      'signInToGitHub',
      'openAttentionItem',
    ]);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const parsed = parseWebviewMessage(value);
        assert.ok(parsed === undefined || known.has(parsed.type));
      }),
    );
  });

  it('keeps only declared fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'revealTask', taskKey: 'k', extra: '<script>' }), {
      type: 'revealTask',
      taskKey: 'k',
    });
  });
});
