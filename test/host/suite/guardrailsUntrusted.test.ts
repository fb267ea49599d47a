// Guardrails in an untrusted workspace (Restricted Mode): every run command refuses with the reason,
// nothing runs, and Run Task offers none.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { UNTRUSTED_MESSAGE } from '../../../src/features/guardrails/vscode/guardrailPrompts';
import { currentScenario } from '../support/scenario';
import { guardrailOutputText, ranMarkers, recordPrompts } from './guardrailsSupport';
import { coordinator, sessionWithFile } from './tasksSupport';

describe('guardrails in an untrusted workspace', () => {
  it('the workspace is untrusted', () => {
    assert.equal(currentScenario().untrusted, true);
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('every run command refuses with the reason and nothing runs', async () => {
    const testing = await coordinator();
    const session = await sessionWithFile(testing);
    const root = session.folder.uri.fsPath;
    const { prompts, restore } = recordPrompts(testing.guardrailPrompts);
    try {
      const folderUri = session.folder.uri.toString();
      const taskKey = 'taskA_idempotency';
      const calls: [string, unknown][] = [
        ['coordinator.runGuardrails', { folderUri }],
        ['coordinator.runGuardrails', undefined],
        ['coordinator.runGuardrail', { key: 'state_sweep', folderUri }],
        ['coordinator.runGuardrail', undefined],
        ['coordinator.runGuardrailsInWorktree', { taskKey, folder: folderUri }],
        ['coordinator.runGuardrailsInWorktree', undefined],
      ];
      for (const [command, argument] of calls) {
        const before = prompts.refusals.length;
        const result = await vscode.commands.executeCommand(command, argument);
        assert.equal(result, undefined, command);
        assert.equal(prompts.refusals.length, before + 1, `${command} refused`);
      }
      assert.ok(prompts.refusals.every((message) => message === UNTRUSTED_MESSAGE));
      assert.match(UNTRUSTED_MESSAGE, /not trusted/);
      assert.match(UNTRUSTED_MESSAGE, /Trust the workspace/);
      assert.equal(await testing.guardrails.controller.run({ session }), undefined);
      assert.deepEqual(ranMarkers(root), [], 'no guardrail command ran');
      assert.equal(guardrailOutputText(testing), '', 'nothing was written to the channel');
      // VS Code itself holds task fetching until the workspace is trusted, so ask the provider directly.
      assert.deepEqual(testing.guardrails.taskProvider.provideTasks(), []);
    } finally {
      restore();
    }
  });
});
