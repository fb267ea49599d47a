// The dashboard on a 1,000-task plan in the real VS Code: the whole dependency graph drawn from
// the page's layout worker with no overlapping nodes, and a board that stays short.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deriveDashboard } from '../../src/features/dashboard/model';
import { loadTaskFile } from '../../src/kernel/model/load';
import {
  dashboardFrame,
  drawnGraph,
  publishScreenshot,
  runPaletteCommand,
  scrollToGraph,
} from './dashboardUi';
import { workbench } from './support/context';

/** Tallest the board may be at 1,000 tasks: one page of cards per column and a title. */
const MAX_BOARD_HEIGHT = 800;

describe('dashboard at 1,000 tasks (UI)', () => {
  it('draws every task in the graph without overlap and keeps the board short', async () => {
    const wb = workbench();
    const text = fs.readFileSync(path.join(wb.options.workspace, 'task_status.json'), 'utf8');
    const model = deriveDashboard({
      folderName: 'Scale',
      folderUri: 'file:///',
      loaded: loadTaskFile(text),
    });
    assert.equal(model.tasks.length, 1000);
    await runPaletteCommand(wb.page, 'Coordinator: Open Dashboard');
    const view = await dashboardFrame(wb.page);
    const graph = await drawnGraph(view, 120_000);
    assert.equal(graph.nodes, model.tasks.length);
    assert.deepEqual(graph.overlapping, []);
    console.log(`      graph layout of ${graph.nodes} tasks in the worker: ${graph.layoutMs} ms`);

    const board = await view.locator('.board').boundingBox();
    assert.ok(
      board && board.height > 0 && board.height < MAX_BOARD_HEIGHT,
      `board ${board?.height} px`,
    );
    const pageHeight = await view.evaluate(() => document.documentElement.scrollHeight);
    console.log(`      board ${Math.round(board!.height)} px, whole page ${pageHeight} px`);

    // Zoomed out to see the whole plan, then the screenshot for the README.
    await scrollToGraph(view);
    await view.locator('.graph-toolbar vscode-button[icon="screen-full"]').click();
    publishScreenshot(await wb.screenshot('graph-1000-tasks'), 'graph-1000-tasks');
  });
});
