// Guardrails as a person sees them: run from the palette, the status bar count, the output channel.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { workbench } from './support/context';

describe('guardrails (UI)', () => {
  it('runs all guardrails from the palette and shows the count and the output, with a screenshot', async () => {
    const wb = workbench();
    await wb.waitForActivation();
    // The guardrail item appears once the task file is read; the palette lists the commands from then on.
    await wb.statusBarItem(/^\s*\d\/4\s*$/).waitFor({ state: 'visible', timeout: 30_000 });
    await wb.runCommand('Coordinator: Run All Guardrails');
    // state_sweep and openapi_validation pass, compat_enforce fails, shadow_diff waits for task1.
    const item = wb.statusBarItem(/^\s*2\/4\s*$/);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(String(await item.getAttribute('class')), /error-kind|has-background-color/);
    await wb.runCommand('Coordinator: Show Guardrail Output');
    const output = wb.page.locator('.part.panel .monaco-editor .view-lines');
    await output
      .filter({ hasText: '<<< openapi_validation: PASS' })
      .first()
      .waitFor({ timeout: 30_000 });
    const text = (await output.first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(text, /<<< compat_enforce: FAIL/);
    assert.ok(!text.includes('\u001b'), 'no escape character reached the channel');
    assert.match(text, /^2 violations$/m, 'the coloured stderr line arrives as plain text');
    await wb.page.mouse.move(900, 300);
    await wb.page.waitForTimeout(500);
    const file = await wb.screenshot('guardrails');
    assert.ok(fs.statSync(file).size > 0);
  });
});
