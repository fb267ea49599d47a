// The Tasks view as a person sees it: the real plan in the sidebar, kept open across a live update.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { humanizeKey } from '../../src/features/tasks/model/humanKey';
import { runPaletteCommand } from './dashboardUi';
import { workbench } from './support/context';

const TASK_FILE = path.join('docs', 'plans', 'task_status.json');

describe('tasks view (UI)', () => {
  it('shows the real plan in the sidebar, with a screenshot', async () => {
    const wb = workbench();
    await wb.openViewContainer('Agent Coordinator');
    const tasks = wb.view('Tasks');
    await tasks.waitFor();
    const raw = JSON.parse(fs.readFileSync(path.join(wb.options.workspace, TASK_FILE), 'utf8')) as {
      tasks: Record<string, Record<string, { name: string }>>;
    };
    const firstGroupKey = Object.keys(raw.tasks)[0];
    const firstGroup = humanizeKey(firstGroupKey);
    await wb.treeItem(firstGroup, 'Tasks').waitFor();
    const firstTask = Object.values(raw.tasks[firstGroupKey])[0].name;
    await wb.treeItem(firstTask, 'Tasks').waitFor();
    const labels = await wb.treeItemLabels('Tasks');
    assert.ok(labels.includes(firstGroup), labels.join(' | '));
    assert.ok(labels.includes(firstTask), labels.join(' | '));
    const total = Object.values(raw.tasks).reduce((n, g) => n + Object.keys(g).length, 0);
    assert.match(await wb.statusBarText(new RegExp(`\\d+/${total}`)), new RegExp(`0/${total}`));
    // Widen the side bar so descriptions fit, move the pointer off the activity bar, let the tree settle.
    const sidebarBox = await wb.page.locator('#workbench\\.parts\\.sidebar').boundingBox();
    if (sidebarBox) {
      const edge = sidebarBox.x + sidebarBox.width;
      await wb.page.mouse.move(edge + 1, 400);
      await wb.page.mouse.down();
      await wb.page.mouse.move(edge + 260, 400, { steps: 5 });
      await wb.page.mouse.up();
    }
    await wb.page.mouse.move(900, 600);
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForTimeout(800);
    const file = await wb.screenshot('tasks-sidebar-lukhas');
    assert.ok(fs.statSync(file).size > 0);
  });

  it('opens the detail of a task on a click and on Enter, with a screenshot', async () => {
    const wb = workbench();
    const raw = JSON.parse(fs.readFileSync(path.join(wb.options.workspace, TASK_FILE), 'utf8')) as {
      tasks: Record<string, Record<string, { name: string }>>;
    };
    const [[firstKey, first], [secondKey, second]] = Object.entries(Object.values(raw.tasks)[0]);
    const row = wb.treeItem(first.name, 'Tasks');
    await row.waitFor();
    await row.click();
    const detail = await taskPage(wb.page, firstKey);
    assert.equal(await detail.locator('h3.detail-name').innerText(), first.name);
    assert.ok(
      (await detail.locator('vscode-button').allInnerTexts()).some((t) => /Set status/.test(t)),
      'the actions are buttons on the page',
    );
    await wb.page.waitForTimeout(500);
    await wb.screenshot('task-detail');

    // Back in the tree on the clicked row, as a keyboard user: Down, then Enter.
    await runPaletteCommand(wb.page, 'Agent Coordinator: Focus on Tasks View');
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Enter');
    const nextDetail = await taskPage(wb.page, secondKey);
    assert.equal(await nextDetail.locator('h3.detail-name').innerText(), second.name);
  });

  it('keeps an expanded, selected task open when another program writes the file', async () => {
    const wb = workbench();
    const file = path.join(wb.options.workspace, TASK_FILE);
    const original = fs.readFileSync(file, 'utf8');
    const review = wb.treeItem('Critical Review - Circuit-Breaker', 'Tasks');
    try {
      // The claude_code group is below the fold of the sidebar: fold the groups above it, as a person would.
      for (const group of ['Top 5', 'Quick wins', 'Hygiene']) {
        const row = wb.treeItem(new RegExp(`^${group}`), 'Tasks');
        if ((await row.getAttribute('aria-expanded')) === 'true') {
          await row.click();
        }
      }
      await review.waitFor();
      await review.click();
      if ((await review.getAttribute('aria-expanded')) !== 'true') {
        await review.locator('.monaco-tl-twistie').click();
      }
      // Waits rather than reads: on a retry the tree may still be catching up with the restored file.
      await wb.treeItem(/Circuit-Breaker to MATRIZ.*depends on taskB.*ready/, 'Tasks').waitFor();

      fs.writeFileSync(
        file,
        original.replace(
          /("taskB_circuit_breaker"[\s\S]*?"status": )"not_started"/,
          '$1"completed"',
        ),
      );
      await wb
        .treeItem(/Circuit-Breaker to MATRIZ.*depends on taskB · completed/, 'Tasks')
        .waitFor();
      assert.equal(await review.getAttribute('aria-expanded'), 'true');
      assert.match(String(await review.getAttribute('class')), /\bselected\b/);
      // cc3 waited only for taskB: the user hears that it can start now.
      const notice = await wb.notification('Critical Review - Circuit-Breaker" can start');
      await notice.waitFor();
      await wb.screenshot('tasks-live-update');
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});

/** The task panel's document once it shows `taskKey`. */
async function taskPage(page: Page, taskKey: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const shown = await frame
        .evaluate(() => document.getElementById('root')?.dataset.taskKey)
        .catch(() => undefined);
      if (shown === taskKey) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`The task panel never showed ${taskKey}.`);
    }
    await page.waitForTimeout(250);
  }
}
