// The conflict radar in a real VS Code: task rows whose branches would conflict say so.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { waitFor, type CoordinatorApi } from '../support/extension';
import { answerModals } from '../support/modals';
import { coordinator, sessionWithFile, taskNode } from './tasksSupport';

type Testing = CoordinatorApi['testing'];

describe('conflict radar in the Tasks view', function () {
  this.timeout(60_000);
  let testing: Testing;

  before(async () => {
    testing = await coordinator();
    await sessionWithFile(testing);
  });

  const row = (key: string) => testing.tasks.provider.getTreeItem(taskNode(testing, key));

  it('marks the two tasks whose branches change the same line, naming each other and the file', async () => {
    await waitFor(
      () => String(row('task_left').description ?? '').includes('conflicts with'),
      'the forecast reaches the tree',
    );
    assert.match(String(row('task_left').description), /⚠ conflicts with task_right$/);
    assert.match(String(row('task_right').description), /⚠ conflicts with task_left$/);
    const tooltip = row('task_left').tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.match(tooltip.value, /Merge conflict forecast/);
    // appendText escapes Markdown and keeps spaces with &nbsp;.
    const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(text, /^- task_right: shared\.txt \(1 hunk\)$/m);
    assert.doesNotMatch(String(row('task_apart').description ?? ''), /conflicts/);
  });

  it('offers another task first when the task to start collides only with work in progress', async () => {
    const session = await sessionWithFile(testing);
    const modals = answerModals();
    try {
      const outcome = await vscode.commands.executeCommand('coordinator.startTaskInWorktree', {
        taskKey: 'task_next',
        folder: session.folder.uri.toString(),
      });
      assert.equal(outcome, undefined);
    } finally {
      modals.restore();
    }
    assert.equal(modals.asked.length, 1, JSON.stringify(modals.asked));
    assert.match(
      modals.asked[0]?.message ?? '',
      /^Cannot start task_next \("next"\): claims the same files as task_left \(in progress\): shared\.txt; claims files changed by task_left \(in progress\): shared\.txt; claims files changed by task_right \(in progress\): shared\.txt\.$/,
    );
    assert.deepEqual(modals.asked[0]?.buttons, ['Pick Another Task', 'Start Anyway']);
  });

  it('takes the marks away when coordinator.conflicts.forecast is turned off', async () => {
    const settings = () => vscode.workspace.getConfiguration('coordinator');
    await settings().update('conflicts.forecast', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        () => !String(row('task_left').description ?? '').includes('conflicts with'),
        'the marks go when the forecast is off',
      );
    } finally {
      await settings().update('conflicts.forecast', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      () => String(row('task_left').description ?? '').includes('conflicts with'),
      'the marks come back when it is on again',
    );
  });
});
