// Without a task file the Tasks view is empty (its welcome content shows); creating one fills it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/extension';
import { coordinator } from './tasksSupport';

describe('tasks view without a task file', () => {
  it('has no rows and no task file, so the welcome content shows', async () => {
    const testing = await coordinator();
    assert.equal(testing.services.sessions.all.length, 1);
    assert.equal(testing.services.sessions.all[0].taskFile, undefined);
    assert.deepEqual(testing.tasks.provider.getChildren(), []);
    const welcome = (
      vscode.extensions.getExtension('agent-coordinator.agent-coordinator')!.packageJSON.contributes
        .viewsWelcome as { view: string; contents: string; when: string }[]
    ).find((w) => w.view === 'coordinator.tasks' && w.when.includes('!coordinator.hasTaskFile'));
    assert.match(welcome!.contents, /\(command:coordinator\.createTaskFile\)/);
    assert.match(welcome!.contents, /\(command:coordinator\.selectTaskFile\)/);
  });

  it('Create task_status.json writes the starter plan, opens it and fills the tree; removing it empties the tree again', async () => {
    const testing = await coordinator();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(folder, 'docs', 'plans', 'task_status.json');
    try {
      await vscode.commands.executeCommand('coordinator.createTaskFile');
      assert.ok(fs.existsSync(file));
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file);
      await waitFor(
        () => testing.tasks.provider.getChildren().length > 0,
        'the tree shows the new plan',
      );
      const [group] = testing.tasks.provider.getChildren();
      const tasks = testing.tasks.provider.getChildren(group);
      assert.equal(tasks.length, 2);
      const dependent = tasks.find((t) => testing.tasks.provider.getChildren(t).length > 0);
      assert.ok(dependent, 'one example task depends on the other');
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as {
        pre_audit_guardrails: Record<string, unknown>;
      };
      assert.equal(Object.keys(saved.pre_audit_guardrails).length, 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(file, { force: true });
    }
    await waitFor(
      () => testing.tasks.provider.getChildren().length === 0,
      'the tree empties when the file goes',
    );
    assert.equal(testing.services.sessions.all[0].taskFile, undefined);
    fs.rmSync(path.join(folder, 'docs'), { recursive: true, force: true });
  });
});
