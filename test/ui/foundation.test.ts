// The Coordinator sidebar opens in the real workbench, as a person would see it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { workbench } from './support/context';

describe('foundation (UI)', () => {
  it('opens the Coordinator sidebar with its Tasks and Worktrees views', async () => {
    const wb = workbench();
    await wb.waitForActivation();
    const sidebar = await wb.openViewContainer('Agent Coordinator');
    await wb.view('Tasks').waitFor();
    await wb.view('Worktrees').waitFor();
    const headers = (await sidebar.locator('.pane-header .title').allInnerTexts()).map((t) =>
      t.trim().toUpperCase(),
    );
    assert.ok(headers.includes('TASKS'), `view headers: ${headers.join(', ')}`);
    assert.ok(headers.includes('WORKTREES'), `view headers: ${headers.join(', ')}`);
    // The fixture's first task, so the picture shows the loaded plan rather than a loading state.
    await wb.treeItem('Shadow-Diff Harness', 'Tasks').waitFor();
    const file = await wb.screenshot('workbench-sidebar');
    assert.ok(fs.statSync(file).size > 0);
  });

  it('runs commands from the F1 palette, including one with a picker of its own', async () => {
    const wb = workbench();
    const sidebar = wb.page.locator('#workbench\\.parts\\.sidebar');
    await wb.runCommand('View: Close Primary Side Bar');
    await sidebar.waitFor({ state: 'hidden' });
    await wb.runCommand('View: Show Agent Coordinator');
    await wb.view('Tasks').waitFor();

    await wb.runCommand('View: Close Primary Side Bar');
    await sidebar.waitFor({ state: 'hidden' });
    await wb.runCommand('View: Open View');
    // Open View is quick access with a `view ` prefix; the filter replaces the whole input.
    await wb.pickQuickItem('Worktrees', 'view Worktrees');
    await wb.view('Worktrees').waitFor();
  });
});
