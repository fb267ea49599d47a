import type { Locator, Page } from 'playwright-core';
import type { Workbench } from './support/workbench';

/**
 * Widens the side bar by dragging its edge, as a person would so descriptions fit, then hovers
 * `row` and returns the text of the hover that shows `hasText`. The pointer first leaves the row:
 * a pointer already resting on it after the drag gives VS Code no reason to show a hover.
 */
export async function widenAndHover(page: Page, row: Locator, hasText: string): Promise<string> {
  const sidebar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  if (sidebar) {
    const edge = sidebar.x + sidebar.width;
    await page.mouse.move(edge + 1, 400);
    await page.mouse.down();
    await page.mouse.move(edge + 260, 400, { steps: 5 });
    await page.mouse.up();
  }
  const hover = page.locator('.monaco-hover', { hasText }).first();
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(5, 5);
    await row.hover();
    const shown = await hover.waitFor({ timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (shown) {
      return hover.innerText();
    }
    if (attempt === 3) {
      throw new Error(`No hover with "${hasText}" over the row after ${attempt} tries.`);
    }
  }
}

/** Folds the demo plan's first groups, as a person would to reach the claude_code group below the fold. */
export async function foldTopGroups(wb: Workbench): Promise<void> {
  for (const group of ['Top 5', 'Quick wins', 'Hygiene']) {
    const row = wb.treeItem(new RegExp(`^${group}`), 'Tasks');
    await row.waitFor();
    if ((await row.getAttribute('aria-expanded')) === 'true') {
      await row.click();
    }
  }
}

/** Opens a task group of the Tasks view if it is folded. */
export async function unfoldGroup(wb: Workbench, group: string): Promise<void> {
  const row = wb.treeItem(new RegExp(`^${group}`), 'Tasks');
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.click();
  }
}
