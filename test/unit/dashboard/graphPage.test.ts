import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { generatePlan } from '../../../scripts/bench/generatedPlan';
import { BOARD_PAGE } from '../../../src/webview/sections/board';
import { DashboardPage } from './pageHarness';
import { fixtureText, viewModelOf } from './fixtures';

/** Boxes of the drawn nodes in drawing coordinates (from their transforms), and any overlapping pair. */
async function nodeBoxes(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<SVGGElement>('.graph-svg .node')].map((node) => {
      const { e, f } = node.transform.baseVal.consolidate()!.matrix;
      const rect = node.querySelector<SVGRectElement>('.node-box')!;
      return {
        key: node.dataset.taskKey!,
        x: e,
        y: f,
        w: rect.width.baseVal.value,
        h: rect.height.baseVal.value,
      };
    });
    const overlapping: string[] = [];
    const sorted = [...boxes].sort((a, b) => a.x - b.x);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].x + sorted[i].w; j++) {
        if (Math.abs(sorted[j].y - sorted[i].y) < sorted[i].h) {
          overlapping.push(`${sorted[i].key}/${sorted[j].key}`);
        }
      }
    }
    return { count: boxes.length, overlapping };
  });
}

function worldTransform(page: Page): Promise<string | null> {
  return page.locator('.graph-world').getAttribute('transform');
}

describe('dependency graph and board in Chromium', function () {
  this.timeout(120_000);
  let harness: DashboardPage;

  before(async () => {
    harness = await DashboardPage.start();
  });

  after(async () => {
    await harness?.close();
  });

  beforeEach(async () => {
    await harness.page.evaluate(() => sessionStorage.clear());
    await harness.load();
  });

  it('draws all 1,000 tasks from the layout worker with no overlap, and keeps the board short', async () => {
    const model = viewModelOf(generatePlan(1000));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    await page.locator('.graph[data-layout="drawn"]').waitFor({ timeout: 60_000 });
    const boxes = await nodeBoxes(page);
    assert.equal(boxes.count, 1000);
    assert.deepEqual(boxes.overlapping, []);
    assert.ok(Number(await page.locator('.graph').getAttribute('data-layout-ms')) > 0);
    // Each column draws one page of cards and says how many more there are.
    const columns = page.locator('.column:not([hidden])');
    for (let i = 0; i < (await columns.count()); i++) {
      assert.ok((await columns.nth(i).locator('.task-card').count()) <= BOARD_PAGE);
    }
    const board = await page.locator('.board').boundingBox();
    assert.ok(board!.height < 800, `board is ${board!.height} px tall`);
    const more = page.locator('.column-completed .show-more');
    await more.click();
    assert.equal(await page.locator('.column-completed .task-card').count(), BOARD_PAGE * 3);
    const afterMore = await page.locator('.board').boundingBox();
    assert.ok(afterMore!.height < 800, `board is ${afterMore!.height} px tall after Show more`);
    // The first newly shown card has the focus; arrows walk the column and across columns.
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLElement).dataset.taskKey);
    const first = await focused();
    assert.ok(first);
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await focused(), first);
    await page.keyboard.press('ArrowLeft');
    assert.notEqual(
      await page.evaluate(() =>
        document.activeElement?.closest('.column')?.getAttribute('data-status'),
      ),
      'completed',
    );
    assert.deepEqual(await harness.cspViolations(), []);
  });

  it('selects on click and shows the detail beside the graph; arrows move between nodes', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    await page.locator('.graph[data-layout="drawn"]').waitFor();
    const task = model.tasks.find((t) => t.dependents.length > 0)!;
    const node = page.locator(`.graph-svg .node[data-task-key="${task.key}"]`);
    assert.match(
      (await node.getAttribute('aria-label'))!,
      new RegExp(`^${task.name} \\(${task.id}\\)`),
    );
    await node.click();
    assert.match((await node.getAttribute('class'))!, /\bselected\b/);
    assert.equal(await node.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('.graph-detail .detail-name').textContent(), task.name);
    // Right from a task with dependents lands on a task further right.
    await node.focus();
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-task-key'));
    assert.ok(next && next !== task.key);
    await page.keyboard.press('Enter');
    assert.equal(
      await page.locator('.graph-detail .detail-name').textContent(),
      model.tasks.find((t) => t.key === next)!.name,
    );
    // One tab stop for the whole graph: the focused node.
    assert.equal(await page.locator('.graph-svg .node[tabindex="0"]').count(), 1);
  });

  it('zooms with the wheel, the buttons and the keyboard, and pans by dragging', async () => {
    await harness.send({ type: 'state', model: viewModelOf(generatePlan(300)) });
    const page = harness.page;
    await page.locator('.graph[data-layout="drawn"]').waitFor({ timeout: 60_000 });
    const zoom = () => page.locator('.graph-zoom').textContent();
    const start = await zoom();
    await page.locator('.graph-toolbar vscode-button[icon="zoom-in"]').click();
    const zoomedIn = await zoom();
    assert.ok(parseInt(zoomedIn!) > parseInt(start!), `${start} -> ${zoomedIn}`);
    const box = (await page.locator('.graph-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(
      (z) => document.querySelector('.graph-zoom')?.textContent !== z,
      zoomedIn,
    );
    assert.ok(parseInt((await zoom())!) < parseInt(zoomedIn!));
    await page.locator('.graph-svg').focus();
    const beforeKey = await zoom();
    await page.keyboard.press('+');
    assert.ok(parseInt((await zoom())!) > parseInt(beforeKey!));
    const beforePan = await worldTransform(page);
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await worldTransform(page), beforePan);
    const beforeDrag = await worldTransform(page);
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 80, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await worldTransform(page), beforeDrag);
    // A drag does not select what it started on.
    assert.equal(await page.locator('.graph-svg .node.selected').count(), 0);
  });

  it('has a legend entry for every status and every outline and arrow style it draws', async () => {
    const model = viewModelOf(fixtureText('lukhas'));
    await harness.send({ type: 'state', model });
    const page = harness.page;
    await page.locator('.graph[data-layout="drawn"]').waitFor();
    const drawn = await page.evaluate(() => {
      const classes = new Set<string>();
      for (const el of document.querySelectorAll('.graph-svg .node, .graph-svg .edge')) {
        for (const name of el.getAttribute('class')!.split(' ')) {
          classes.add(`${el.classList.contains('node') ? 'node' : 'edge'}.${name}`);
        }
      }
      return [...classes];
    });
    const legend = await page.evaluate(() => {
      const classes = new Set<string>();
      for (const el of document.querySelectorAll('.graph-legend .node, .graph-legend .edge')) {
        for (const name of el.getAttribute('class')!.split(' ')) {
          classes.add(`${el.classList.contains('node') ? 'node' : 'edge'}.${name}`);
        }
      }
      return [...classes];
    });
    for (const style of drawn) {
      assert.ok(legend.includes(style), `${style} is drawn but not in the legend`);
    }
  });
});
