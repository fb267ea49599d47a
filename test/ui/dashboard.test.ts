// The dashboard as a person sees it in the real VS Code: numbers, a task card, the graph, live
// updates, restoration after a reload, and screenshots in dark, light and high-contrast themes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deriveDashboard } from '../../src/features/dashboard/model';
import { loadTaskFile } from '../../src/kernel/model/load';
import type { DashboardViewModel } from '../../src/protocol/dashboardModel';
import {
  dashboardFrame,
  drawnGraph,
  pickColorTheme,
  publishScreenshot,
  runPaletteCommand,
  scrollToGraph,
} from './dashboardUi';
import { workbench } from './support/context';

const TASK_FILE = path.join('docs', 'plans', 'task_status.json');

function expectedModel(text: string): DashboardViewModel {
  return deriveDashboard({
    folderName: 'Lukhas',
    folderUri: 'file:///',
    loaded: loadTaskFile(text),
  });
}

async function openDashboard() {
  const wb = workbench();
  await runPaletteCommand(wb.page, 'Coordinator: Open Dashboard');
  return dashboardFrame(wb.page);
}

async function setTheme(
  name: string,
  kind: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast',
): Promise<void> {
  const wb = workbench();
  await pickColorTheme(wb.page, name);
  await (await dashboardFrame(wb.page)).locator(`body.${kind}`).waitFor({ timeout: 15_000 });
}

describe('dashboard (UI)', () => {
  it('shows the real plan: card numbers, a task card and the graph; screenshots in dark, light and high contrast', async () => {
    const wb = workbench();
    const text = fs.readFileSync(path.join(wb.options.workspace, TASK_FILE), 'utf8');
    const model = expectedModel(text);
    const view = await openDashboard();
    const card = (id: string) => view.locator(`[data-card="${id}"] .card-value`).textContent();
    assert.equal(await card('total'), String(model.summary.total));
    assert.equal(await card('inProgress'), String(model.summary.inProgress));
    assert.equal(await card('completed'), String(model.summary.completed));
    assert.equal(await card('ready'), String(model.summary.ready));
    assert.equal(await card('blocked'), String(model.summary.blocked + model.summary.waiting));
    assert.equal(await card('completion'), `${model.summary.completionPercentage}%`);
    assert.equal(
      await card('guardrails'),
      `${model.summary.requiredGuardrailsPassing} / ${model.summary.requiredGuardrails}`,
    );
    const task = model.tasks.find((t) => t.status === 'in_progress') ?? model.tasks[0];
    const taskCard = view.locator(
      `.column-${task.displayStatus} .task-card[data-task-key="${task.key}"]`,
    );
    assert.equal(await taskCard.locator('.task-name').textContent(), task.name);
    assert.equal(await taskCard.locator('.task-owner').textContent(), task.owner);
    // The whole graph, laid out in the page's worker: one node per task, no two boxes overlapping.
    const graph = await drawnGraph(view);
    assert.equal(graph.nodes, model.tasks.length);
    assert.deepEqual(graph.overlapping, []);
    assert.ok(graph.layoutMs > 0, 'the layout worker reported its time');
    // vscode-elements render under the webview's CSP (lit adopts its stylesheets).
    assert.ok(
      await view
        .locator('vscode-button')
        .first()
        .evaluate((b) => (b.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0),
    );

    // A click on a graph node selects it and shows its detail right beside the graph.
    const blocked = model.tasks.find((t) => t.inBlockedChain)!;
    await scrollToGraph(view);
    await view.locator(`.graph-svg .node[data-task-key="${blocked.key}"]`).click();
    await view.locator(`.graph-svg .node.selected[data-task-key="${blocked.key}"]`).waitFor();
    assert.equal(await view.locator('.graph-detail .detail-name').textContent(), blocked.name);
    publishScreenshot(await wb.screenshot('graph-21-tasks'), 'graph-21-tasks');

    await view.locator('body').evaluate(() => window.scrollTo(0, 0));
    await setTheme('Dark Modern', 'vscode-dark');
    assert.ok(
      fs.statSync(publishScreenshot(await wb.screenshot('dashboard-dark'), 'dashboard-dark')).size >
        0,
    );
    await setTheme('Light Modern', 'vscode-light');
    assert.ok(
      fs.statSync(publishScreenshot(await wb.screenshot('dashboard-light'), 'dashboard-light'))
        .size > 0,
    );
    await setTheme('Dark High Contrast', 'vscode-high-contrast');
    // High contrast outlines cards with the theme's contrast colour; other themes leave it transparent.
    const outline = await view
      .locator('[data-card="total"]')
      .evaluate((el) => getComputedStyle(el).outlineColor);
    assert.notEqual(outline, 'rgba(0, 0, 0, 0)');
    assert.ok(
      fs.statSync(
        publishScreenshot(
          await wb.screenshot('dashboard-high-contrast'),
          'dashboard-high-contrast',
        ),
      ).size > 0,
    );
    await setTheme('Dark Modern', 'vscode-dark');
  });

  it('updates live when another program writes the file, keeping the filter', async () => {
    const wb = workbench();
    const file = path.join(wb.options.workspace, TASK_FILE);
    const original = fs.readFileSync(file, 'utf8');
    const view = await openDashboard();
    const model = expectedModel(original);
    const target = model.tasks.find(
      (t) => t.status === 'not_started' && t.group === model.groups[0],
    )!;
    try {
      const before = await view.locator('.task-card:not([hidden])').count();
      await view.locator('.filter-bar vscode-textfield input').fill(target.id);
      await view.waitForFunction(
        (count) => document.querySelectorAll('.task-card:not([hidden])').length < count,
        before,
        { timeout: 15_000 },
      );
      const shown = await view.locator('.task-card:not([hidden])').count();
      fs.writeFileSync(
        file,
        original.replace(
          new RegExp(`("${target.key}"[\\s\\S]*?"status": )"not_started"`),
          '$1"completed"',
        ),
      );
      await view
        .locator(`.column-completed .task-card[data-task-key="${target.key}"]`)
        .waitFor({ timeout: 15_000 });
      assert.equal(
        await view.locator('[data-card="completed"] .card-value').textContent(),
        String(model.summary.completed + 1),
      );
      assert.equal(await view.locator('.task-card:not([hidden])').count(), shown);
      assert.equal(
        await view
          .locator('.filter-bar vscode-textfield')
          .evaluate((f) => (f as HTMLElement & { value: string }).value),
        target.id,
      );
      await wb.screenshot('dashboard-live-update');
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('comes back after a window reload with its filter', async () => {
    const wb = workbench();
    const view = await openDashboard();
    const before = await view.locator('.task-card:not([hidden])').count();
    await view.locator('.filter-bar vscode-textfield input').fill('review');
    // The board filtering proves the input handler ran, and it saves the state in the same turn;
    // the state then travels to the workbench by message, which a loaded machine can delay.
    await view.waitForFunction(
      (count) => document.querySelectorAll('.task-card:not([hidden])').length !== count,
      before,
      { timeout: 15_000 },
    );
    await wb.page.waitForTimeout(1500);
    const reloaded = wb.page.waitForEvent('framenavigated', {
      predicate: (frame) => frame === wb.page.mainFrame(),
      timeout: 60_000,
    });
    await runPaletteCommand(wb.page, 'Developer: Reload Window');
    await reloaded;
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const restored = await dashboardFrame(wb.page);
    assert.equal(
      await restored
        .locator('.filter-bar vscode-textfield')
        .evaluate((f) => (f as HTMLElement & { value: string }).value),
      'review',
    );
    await restored.locator('.filter-bar vscode-button', { hasText: 'Clear' }).click();
  });
});
