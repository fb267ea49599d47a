// The Getting Started walkthrough as a new user meets it: opened from the palette, every step
// listed, and a step's button doing its action and marking the step done.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { dashboardFrame, quickInput, runPaletteCommand } from './dashboardUi';
import { workbench } from './support/context';

const STEPS = [
  'Open or create a plan',
  'Start a task in its own worktree',
  'Watch your agents',
  'Run the guardrails',
  'Open the dashboard',
];

async function openWalkthrough(page: Page): Promise<void> {
  await runPaletteCommand(page, 'Welcome: Open Walkthrough...');
  await quickInput(page).fill('Agent Coordinator');
  const pick = page
    .locator('.quick-input-list .monaco-list-row', {
      hasText: 'Get started with Agent Coordinator',
    })
    .first();
  await pick.waitFor({ state: 'visible', timeout: 30_000 });
  await pick.click();
}

describe('Getting Started walkthrough (UI)', () => {
  it('lists the whole loop and opens the dashboard from its last step, with a screenshot', async () => {
    const wb = workbench();
    const page = wb.page;
    await openWalkthrough(page);
    const steps = page.locator('.getting-started-step');
    await steps.first().waitFor({ state: 'visible', timeout: 30_000 });
    const titles = (await page.locator('.getting-started-step .step-title').allInnerTexts()).map(
      (title) => title.trim(),
    );
    assert.deepEqual(titles, STEPS);
    await wb.screenshot('walkthrough');

    const dashboardStep = steps.filter({ hasText: STEPS[4] });
    await dashboardStep.click();
    const button = dashboardStep.locator('a.monaco-button', { hasText: 'Open Dashboard' });
    await button.waitFor({ state: 'visible', timeout: 30_000 });
    await button.click();
    const frame = await dashboardFrame(page);
    assert.ok(await frame.locator('#root').count());

    // Doing the step's action marks it done in the walkthrough.
    await openWalkthrough(page);
    await page
      .locator('[data-done-step-id$="#gettingStarted#dashboard"][aria-checked="true"]')
      .waitFor({ state: 'attached', timeout: 30_000 });
  });
});
