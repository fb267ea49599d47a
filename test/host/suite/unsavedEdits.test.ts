// Unsaved edits of the open task file and agents' writes to the file on disk, in a real VS Code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import * as vscode from 'vscode';
import { TaskFileStore } from '../../../src/platform/taskfile/store';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { waitFor } from '../support/extension';
import { coordinator, restore, sessionWithFile } from './tasksSupport';

/**
 * Replaces the string value at `path` in the document, as a person typing would (unsaved). VS Code
 * refuses an edit made against a version it has since replaced (a reload from disk that landed
 * meanwhile), so it is tried again on the text as it is then.
 */
async function typeValue(document: vscode.TextDocument, path: string[], value: string) {
  for (let attempt = 1; ; attempt++) {
    const node = findNodeAtLocation(parseTree(document.getText())!, path);
    assert.ok(node, `found ${path.join('.')}`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      document.uri,
      new vscode.Range(
        document.positionAt(node.offset),
        document.positionAt(node.offset + node.length),
      ),
      JSON.stringify(value),
    );
    if (await vscode.workspace.applyEdit(edit)) {
      return;
    }
    assert.ok(attempt < 5, `VS Code applied the edit of ${path.join('.')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The merge reads the file, reloads the document and edits it again: slow on a loaded machine. */
const MERGE_WAIT_MS = 30_000;

function onDisk(session: FolderSession): string {
  return fs.readFileSync(session.taskFile!.fsPath, 'utf8');
}

describe('unsaved edits of the task file and agents writing it', () => {
  let session: FolderSession;
  let original: string;
  let document: vscode.TextDocument;

  before(async () => {
    session = await sessionWithFile(await coordinator());
    original = onDisk(session);
  });

  beforeEach(async () => {
    document = await vscode.workspace.openTextDocument(session.taskFile!);
    await vscode.window.showTextDocument(document);
    if (document.getText() !== onDisk(session)) {
      // The previous test's document can outlive its editor, and on a loaded machine VS Code's own
      // file watcher may take its time to reload it after the restore: reading the disk is asked.
      await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    }
    await waitFor(
      () => !document.isDirty && document.getText() === onDisk(session),
      'the document shows the file as it is on disk',
      MERGE_WAIT_MS,
    );
  });

  afterEach(async () => {
    if (document.isDirty) {
      await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore(session, original);
  });

  /**
   * An agent's write through the store, as `coord set` makes it, while the person's edit `typed`
   * is unsaved; waits until the open document has both, still unsaved.
   */
  async function agentStartsTask2UnderEdit(typed: string): Promise<void> {
    await new TaskFileStore(session.taskFile!.fsPath).apply({
      kind: 'setStatus',
      taskKey: 'task2_golden_tokens',
      status: 'in_progress',
    });
    await waitFor(
      () =>
        /"task2_golden_tokens":\s*\{[^}]*"status":\s*"in_progress"/.test(document.getText()) &&
        document.getText().includes(typed) &&
        document.isDirty,
      "the agent's change reaches the open document, under the person's unsaved edit",
      MERGE_WAIT_MS,
    );
  }

  it("keeps the person's unsaved edit and the agent's write to another task, and saving keeps both", async () => {
    await typeValue(
      document,
      ['tasks', 'top5', 'task1_shadow_diff', 'name'],
      'Shadow diff, renamed by hand',
    );
    assert.ok(document.isDirty);

    await agentStartsTask2UnderEdit('Shadow diff, renamed by hand');
    assert.ok(
      !onDisk(session).includes('Shadow diff, renamed by hand'),
      'nothing was saved for them',
    );

    assert.ok(await document.save(), 'saving is not refused as older than the file');
    const saved = JSON.parse(onDisk(session)) as {
      tasks: { top5: Record<string, { name: string; status: string }> };
    };
    assert.equal(saved.tasks.top5.task1_shadow_diff.name, 'Shadow diff, renamed by hand');
    assert.equal(saved.tasks.top5.task2_golden_tokens.status, 'in_progress');
  });

  it('puts the edits back when VS Code refuses the first try, as it does when a version changed meanwhile', async () => {
    await typeValue(document, ['tasks', 'top5', 'task1_shadow_diff', 'name'], 'Shadow, by hand');
    const workspace = vscode.workspace as { applyEdit: typeof vscode.workspace.applyEdit };
    const original = workspace.applyEdit;
    let refused = 0;
    workspace.applyEdit = (...args) => {
      if (refused === 0) {
        refused++;
        return Promise.resolve(false);
      }
      return original(...args);
    };
    try {
      await agentStartsTask2UnderEdit('Shadow, by hand');
    } finally {
      workspace.applyEdit = original;
    }
    assert.equal(refused, 1, 'VS Code refused one edit');
  });

  it('leaves the unsaved edit alone when the agent changed the same field another way', async () => {
    const path = ['tasks', 'top5', 'task3_streaming_rl', 'name'];
    await typeValue(document, path, 'Streaming, by hand');
    await new TaskFileStore(session.taskFile!.fsPath).apply({
      kind: 'setTaskField',
      taskKey: 'task3_streaming_rl',
      field: 'name',
      value: 'Streaming, by an agent',
    });
    await waitFor(
      () => session.state?.text.includes('Streaming, by an agent') === true,
      'the session reads the agent write',
    );
    // Give the merge its chance to run, then check it left the document alone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(document.getText().includes('Streaming, by hand'), 'the person’s edit stays');
    assert.ok(!document.getText().includes('Streaming, by an agent'));
    assert.ok(document.isDirty);
    assert.ok(
      onDisk(session).includes('Streaming, by an agent'),
      "the agent's write stays on disk",
    );
  });
});
