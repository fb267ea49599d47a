// Start Task in Worktree from the palette as a person does it, and the Worktrees view it fills.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTaskFile } from '../../src/kernel/model/load';
import { startCandidates } from '../../src/features/worktrees/model/candidates';
import { workbench } from './support/context';

const TASK_FILE = path.join('docs', 'plans', 'task_status.json');
const SECTION_TITLES = new Set(['Ready', 'In progress (opens its worktree)', 'Waiting or blocked']);

function worktreeFolders(root: string): string[] {
  return execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('worktree '))
    .map((line) => path.basename(line.slice('worktree '.length)));
}

describe('worktrees (UI)', () => {
  it('starts the first ready task from the palette quick pick and shows it in the Worktrees view, with a screenshot', async () => {
    const wb = workbench();
    await wb.waitForActivation();
    await wb.openViewContainer('Agent Coordinator');
    const text = fs.readFileSync(path.join(wb.options.workspace, TASK_FILE), 'utf8');
    const loaded = loadTaskFile(text);
    const expected = startCandidates(loaded.model!, loaded.graph);
    const firstReady = expected.find((candidate) => candidate.kind === 'ready');
    assert.ok(firstReady, 'the plan has a ready task');

    await wb.runCommand('Coordinator: Start Task in Worktree');
    const labels = (await wb.quickPickLabels()).filter((label) => !SECTION_TITLES.has(label));
    assert.ok(labels.length > 3, labels.join(' | '));
    assert.deepEqual(
      labels,
      expected.slice(0, labels.length).map((candidate) => candidate.task.name),
      'ready first, by priority, then in progress, then blocked',
    );
    await wb.pickQuickItem(firstReady.task.name);

    // The flow records the worktree in the task file as its last step.
    const recordedPath = () => {
      const again = loadTaskFile(
        fs.readFileSync(path.join(wb.options.workspace, TASK_FILE), 'utf8'),
      );
      return again.model?.byKey.get(firstReady.task.key)?.worktreePath;
    };
    const deadline = Date.now() + 30_000;
    while (!recordedPath() && Date.now() < deadline) {
      await wb.page.waitForTimeout(250);
    }
    const recorded = recordedPath();
    assert.ok(recorded, `the task file records the worktree of ${firstReady.task.key}`);
    const made = path.basename(recorded);
    assert.ok(worktreeFolders(wb.options.workspace).includes(made), `git lists ${made}`);

    const view = wb.view('Worktrees');
    await view.waitFor();
    const header = view.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') {
      await header.click();
    }
    await wb.treeItem(made, 'Worktrees').waitFor();
    await wb.treeItem(path.basename(wb.options.workspace), 'Worktrees').waitFor();
    const row = wb.treeItem(made, 'Worktrees');
    assert.match(await row.innerText(), new RegExp(firstReady.task.id));
    const sidebarBox = await wb.page.locator('#workbench\\.parts\\.sidebar').boundingBox();
    if (sidebarBox && sidebarBox.width < 500) {
      const edge = sidebarBox.x + sidebarBox.width;
      await wb.page.mouse.move(edge + 1, 400);
      await wb.page.mouse.down();
      await wb.page.mouse.move(edge + 260, 400, { steps: 5 });
      await wb.page.mouse.up();
    }
    await wb.page.mouse.move(900, 600);
    await wb.page.waitForTimeout(800);
    const file = await wb.screenshot('worktrees-view');
    assert.ok(fs.statSync(file).size > 0);
  });

  it('asks before starting a waiting task with the safe button focused: Enter does not start it', async () => {
    const wb = workbench();
    const loaded = loadTaskFile(
      fs.readFileSync(path.join(wb.options.workspace, TASK_FILE), 'utf8'),
    );
    const blocked = startCandidates(loaded.model!, loaded.graph).find(
      (candidate) => candidate.kind === 'blocked',
    );
    assert.ok(blocked, 'the plan has a task that is not ready');
    const before = worktreeFolders(wb.options.workspace);

    await wb.runCommand('Coordinator: Start Task in Worktree');
    await wb.pickQuickItem(blocked.task.name, blocked.task.name);
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), new RegExp(`Cannot start ${blocked.task.key} `));
    const buttons = await dialog.locator('.dialog-buttons .monaco-button').allInnerTexts();
    // The platform decides where each button sits; which one has the focus is ours.
    assert.deepEqual(buttons.map((text) => text.trim()).sort(), [
      'Cancel',
      'Show Dependencies',
      'Start Anyway',
    ]);
    const focused = await wb.page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(focused, 'Show Dependencies', 'Enter lands on the safe button');
    await wb.screenshot('start-blocked-dialog');
    await wb.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // Enter showed what the task waits for, in a quick pick, and started nothing.
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Escape');
    assert.deepEqual(worktreeFolders(wb.options.workspace), before, 'no worktree was made');
  });

  it('names each step in a cancellable progress notification; Cancel undoes the run', async () => {
    const wb = workbench();
    const settingsFile = path.join(wb.options.workspace, '.vscode', 'settings.json');
    const originalSettings = fs.readFileSync(settingsFile, 'utf8');
    const taskFile = path.join(wb.options.workspace, TASK_FILE);
    try {
      fs.writeFileSync(
        settingsFile,
        JSON.stringify(
          { ...JSON.parse(originalSettings), 'coordinator.worktrees.setupCommand': 'sleep 60' },
          null,
          2,
        ),
      );
      await wb.page.waitForTimeout(1500);
      const loaded = loadTaskFile(fs.readFileSync(taskFile, 'utf8'));
      const ready = startCandidates(loaded.model!, loaded.graph).find(
        (candidate) => candidate.kind === 'ready',
      );
      assert.ok(ready, 'a ready task is left');
      const before = worktreeFolders(wb.options.workspace);

      await wb.runCommand('Coordinator: Start Task in Worktree');
      await wb.pickQuickItem(ready.task.name);
      const progress = await wb.notification('run setup command');
      await progress.waitFor({ timeout: 30_000 });
      assert.match(
        await progress.innerText(),
        new RegExp(`Starting ${ready.task.id} in a worktree`),
      );
      await wb.screenshot('worktrees-start-progress');
      await progress.locator('.monaco-button', { hasText: 'Cancel' }).first().click();

      await (await wb.notification('was cancelled')).waitFor({ timeout: 30_000 });
      assert.deepEqual(
        worktreeFolders(wb.options.workspace),
        before,
        'the worktree made by the cancelled run is gone',
      );
      const after = loadTaskFile(fs.readFileSync(taskFile, 'utf8')).model?.byKey.get(
        ready.task.key,
      );
      assert.equal(after?.status, ready.task.status, 'the task file is untouched');
      assert.equal(after?.worktreePath, undefined);
    } finally {
      fs.writeFileSync(settingsFile, originalSettings);
    }
  });
});
