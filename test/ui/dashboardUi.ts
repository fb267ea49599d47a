// Runs palette commands for the dashboard UI tests. The quick input holds a second <input> (the
// "toggle all" checkbox), so the text box is picked by its type.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';

export function quickInput(page: Page) {
  return page.locator('.quick-input-widget input[type="text"]');
}

/**
 * Runs a command by its palette title. Right after the window opens, the extension under
 * development may not be registered yet, so the palette is asked again until the command shows.
 */
export async function runPaletteCommand(
  page: Page,
  title: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page
      .locator('.monaco-workbench')
      .click({ position: { x: 5, y: 5 }, force: true })
      .catch(() => undefined);
    await page.keyboard.press('F1');
    const input = quickInput(page);
    // F1 goes nowhere while a webview (the dashboard) holds the keyboard: click and press again.
    const opened = await input.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (!opened) {
      if (Date.now() > deadline) {
        throw new Error(`The command palette never opened to run "${title}".`);
      }
      await page.mouse.click(400, 10).catch(() => undefined);
      continue;
    }
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const shown = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) {
      // Click the matching row: Enter would run whichever row the palette ranked first.
      await row.click();
      return;
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) {
      throw new Error(`The command "${title}" never appeared in the palette.`);
    }
  }
}

/** Picks a colour theme through "Preferences: Color Theme", like a person. */
export async function pickColorTheme(page: Page, name: string): Promise<void> {
  await runPaletteCommand(page, 'Preferences: Color Theme');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: /Light|Dark/ })
    .first()
    .waitFor();
  const input = quickInput(page);
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor();
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * The dashboard's document: the webview frame whose page has drawn its first state. Found among
 * the page's frames rather than by iframe classes, which differ while a webview is being shown.
 */
export async function dashboardFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const rendered = await frame
        .evaluate(
          () =>
            document.getElementById('root')?.dataset.rendered === 'true' &&
            // The task detail panel draws into a #root too; only the dashboard has summary cards.
            document.querySelector('[data-card]') !== null,
        )
        .catch(() => false);
      if (rendered) {
        return frame;
      }
    }
    if (Date.now() > deadline) {
      throw new Error('The dashboard page never drew its state.');
    }
    await page.waitForTimeout(250);
  }
}

/** Copies a screenshot into docs/images under the name the README uses. */
export function publishScreenshot(file: string, name: string): string {
  const target = path.resolve(__dirname, '..', '..', 'docs', 'images', `${name}.png`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
  return target;
}

/**
 * The dependency graph as the page draws it, once its worker's layout has arrived: how many nodes,
 * which pairs of node boxes overlap (drawing coordinates), and how the layout was made.
 */
export async function drawnGraph(view: Frame, timeoutMs = 60_000) {
  await view.locator('.graph[data-layout="drawn"]').waitFor({ timeout: timeoutMs });
  return view.evaluate(() => {
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
    const graph = document.querySelector<HTMLElement>('.graph')!;
    return {
      nodes: boxes.length,
      overlapping,
      layoutMs: Number(graph.dataset.layoutMs),
    };
  });
}

/** Scrolls the dashboard so the graph section starts at the top of the panel. */
export async function scrollToGraph(view: Frame): Promise<void> {
  await view.evaluate(() =>
    document.getElementById('section-graph')?.scrollIntoView({ block: 'start' }),
  );
}
