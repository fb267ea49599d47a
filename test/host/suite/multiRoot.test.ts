// A multi-root window with two repositories, each with its own plan: every folder is read, shown,
// edited, diagnosed and given a dashboard on its own.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadTaskFile } from '../../../src/kernel/model/load';
import type { FolderSession } from '../../../src/features/common/vscode/services';
import { waitFor } from '../support/extension';
import { allTaskNodes, coordinator, taskNode } from './tasksSupport';

describe('multi-root workspace', function () {
  this.timeout(60_000);
  let testing: Awaited<ReturnType<typeof coordinator>>;
  let lukhas: FolderSession;
  let tools: FolderSession;

  before(async () => {
    testing = await coordinator();
    await waitFor(
      () => testing.services.sessions.all.filter((s) => s.state?.model).length === 2,
      'both folders have a plan',
    );
    const byName = (name: string) =>
      testing.services.sessions.all.find((s) => s.folder.name === name)!;
    lukhas = byName('Lukhas');
    tools = byName('Tools');
  });

  it('finds each folder’s own task file, by the default path and by search', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    assert.equal(
      lukhas.taskFile?.fsPath,
      path.join(lukhas.folder.uri.fsPath, 'docs', 'plans', 'task_status.json'),
    );
    assert.equal(tools.taskFile?.fsPath, path.join(tools.folder.uri.fsPath, 'task_status.json'));
    assert.equal(tools.state?.model?.tasks.length, 3);
    assert.equal(tools.state?.model?.layout, 'array');
  });

  it('shows one root row per folder, each holding exactly its own tasks', () => {
    const roots = testing.tasks.provider.getChildren();
    assert.deepEqual(
      roots.map((node) => node.kind === 'folder' && node.session.folder.name),
      ['Lukhas', 'Tools'],
    );
    const keysUnder = (session: FolderSession) =>
      allTaskNodes(testing)
        .filter((node) => node.session === session)
        .map((node) => node.task.key);
    assert.deepEqual(
      keysUnder(lukhas),
      lukhas.state!.model!.tasks.map((t) => t.key),
    );
    assert.deepEqual(keysUnder(tools), ['tools1', 'tools2', 'tools3']);
  });

  it('Set Status on a Tools task changes only the Tools file', async () => {
    const lukhasBefore = fs.readFileSync(lukhas.taskFile!.fsPath, 'utf8');
    const node = allTaskNodes(testing).find((n) => n.session === tools && n.task.key === 'tools2')!;
    await vscode.commands.executeCommand('coordinator.setTaskStatus', node, 'in_progress');
    const toolsAfter = loadTaskFile(fs.readFileSync(tools.taskFile!.fsPath, 'utf8'));
    assert.equal(toolsAfter.model!.byKey.get('tools2')!.status, 'in_progress');
    assert.equal(fs.readFileSync(lukhas.taskFile!.fsPath, 'utf8'), lukhasBefore);
    await waitFor(
      () => tools.state!.model!.byKey.get('tools2')!.status === 'in_progress',
      'the Tools session follows',
    );
    assert.ok(taskNode(testing, 'task1_shadow_diff'), 'the Lukhas rows are still there');
  });

  it('shows the progress of the folder of the active editor in the status bar', async () => {
    const done = (session: FolderSession) =>
      session.state!.model!.tasks.filter((t) => t.status === 'completed').length;
    await vscode.window.showTextDocument(vscode.Uri.joinPath(tools.folder.uri, 'README.md'));
    await waitFor(
      () => testing.statusBar.text === `$(checklist) ${done(tools)}/3`,
      `Tools progress, not ${testing.statusBar.text}`,
    );
    await vscode.window.showTextDocument(vscode.Uri.joinPath(lukhas.folder.uri, 'README.md'));
    const total = lukhas.state!.model!.tasks.length;
    await waitFor(
      () => testing.statusBar.text === `$(checklist) ${done(lukhas)}/${total}`,
      `Lukhas progress, not ${testing.statusBar.text}`,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists a broken file’s errors on that file only, and keeps the other folder’s plan', async () => {
    const file = tools.taskFile!.fsPath;
    const good = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, good.replace('"tools1",', '"tools1"'));
      await waitFor(() => tools.state?.broken === true, 'the Tools session sees the broken file');
      await waitFor(
        () =>
          vscode.languages
            .getDiagnostics(tools.taskFile!)
            .some((d) => d.severity === vscode.DiagnosticSeverity.Error),
        'Problems lists the error',
      );
      assert.equal(lukhas.state?.broken, false);
      assert.equal(
        vscode.languages
          .getDiagnostics(lukhas.taskFile!)
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
        0,
      );
      assert.equal(tools.state?.model?.tasks.length, 3, 'the last good Tools plan stays');
    } finally {
      fs.writeFileSync(file, good);
    }
    await waitFor(() => tools.state?.broken === false, 'the Tools file reads again');
  });

  it('opens one dashboard per folder, each with its own plan', async () => {
    try {
      // A page in a background tab is unloaded until shown again, so each is checked while in front.
      for (const [session, total] of [
        [tools, 3],
        [lukhas, lukhas.state!.model!.tasks.length],
      ] as const) {
        await vscode.commands.executeCommand('coordinator.openDashboard', {
          folder: session.folder.uri.toString(),
        });
        await waitFor(
          () => testing.dashboard.panels.panelFor(session)?.current !== undefined,
          `the ${session.folder.name} page has its state`,
          30_000,
        );
        const shown = testing.dashboard.panels.panelFor(session)!.current!;
        assert.deepEqual([shown.folderName, shown.summary.total], [session.folder.name, total]);
      }
      assert.equal(testing.dashboard.panels.all.length, 2);
    } finally {
      for (const panel of [...testing.dashboard.panels.all]) {
        panel.dispose();
      }
    }
  });
});
